package dispatch.support;

import dispatch.Config;
import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import dispatch.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;

/**
 * A real Dispatch server on a free port of 127.0.0.1, over a real database built by the real
 * migrations: SQLite, or PostgreSQL when the run says so (see {@link TestDatabase}). {@link #demo()} is one server with the demo publication, shared by every
 * test class in the run (the reading site's tests only read); {@link #empty()} is a fresh one.
 */
public final class TestSite implements AutoCloseable {
    private static TestSite demo;
    private static TestSite newsroom;

    private final Server server;
    private final Config config;
    private final Database database;
    private final Path dataDir;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The reading site's tests open many articles in one browser; a meter of three would gate most
     * of them. Their sites meter generously; the paywall's own tests use the real defaults.
     */
    private static final Map<String, String> READING = Map.of("DISPATCH_FREE_ARTICLES", "200");

    private TestSite(boolean withDemo, Map<String, String> settings) {
        this(withDemo, settings, server -> { });
    }

    private TestSite(boolean withDemo, Map<String, String> settings, Consumer<Server> beforeStart) {
        this(withDemo, true, settings, beforeStart);
    }

    /**
     * @param copied with the demo: a copy of the one built for the run (see DemoTemplate), or, when
     *               false, loaded into this site's empty database as a fresh install loads it
     */
    private TestSite(boolean withDemo, boolean copied, Map<String, String> settings, Consumer<Server> beforeStart) {
        try {
            dataDir = settings.containsKey("DISPATCH_DATA_DIR") ? Path.of(settings.get("DISPATCH_DATA_DIR"))
                : Files.createTempDirectory("dispatch-test");
            Map<String, String> env = new HashMap<>(Map.of(
                "DISPATCH_PORT", "0", "DISPATCH_DATA_DIR", dataDir.toString(), "DISPATCH_DEMO", String.valueOf(withDemo),
                "DISPATCH_ACCESS_LOG", "false"));
            if (withDemo && copied) {
                Files.createDirectories(dataDir);
                DemoTemplate.copyInto(dataDir);
                env.putAll(TestDatabase.demoSettings());
            } else {
                env.putAll(TestDatabase.freshSettings());
            }
            env.putAll(settings);
            config = Config.fromEnvironment(env);
            database = Database.open(config);
            if (withDemo && !copied) {
                new DemoPublication(database, dataDir).loadIfEmpty();
            }
            server = WebServer.newServer(config, database);
            beforeStart.accept(server);
            server.start();
            baseUrl = WebServer.address(server, config).replaceAll("/$", "");
        } catch (Exception e) {
            throw new IllegalStateException("test site did not start", e);
        }
    }

    /** The shared site with the demo publication, started on first use and stopped at exit. */
    public static synchronized TestSite demo() {
        if (demo == null) {
            demo = new TestSite(true, READING);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        }
        return demo;
    }

    /**
     * A second site with the demo publication, for the newsroom's tests, which write to it: kept
     * apart so that the reading site's tests always see the demo publication as it ships.
     */
    public static synchronized TestSite newsroom() {
        if (newsroom == null) {
            newsroom = new TestSite(true, READING);
            Runtime.getRuntime().addShutdownHook(new Thread(newsroom::close));
        }
        return newsroom;
    }

    /**
     * A new site with the demo publication and these DISPATCH_* settings; {@code beforeStart}
     * may adjust the server before it starts. Close it when done.
     */
    public static TestSite withSettings(Map<String, String> settings, Consumer<Server> beforeStart) {
        return new TestSite(true, settings, beforeStart);
    }

    /**
     * A new site with the demo publication and these settings on top of the defaults (the
     * meter as it ships, an SMTP server...); close it when done.
     */
    public static TestSite demoWith(Map<String, String> settings) {
        return new TestSite(true, settings);
    }

    /**
     * A new site whose demo publication is loaded into its own empty database, as on a fresh
     * install, for the tests of loading itself (each install's own staff passwords, say); close it
     * when done. Every other demo site is a copy of one built for the run.
     */
    public static TestSite freshlyLoadedDemo() {
        return new TestSite(true, false, Map.of(), server -> { });
    }

    /** A new site over an empty database; close it when done. */
    public static TestSite empty() {
        return new TestSite(false, Map.of());
    }


    /**
     * The password the demo publication generated for a member of its staff, read from the file
     * it wrote in the data folder, as an operator would read it.
     */
    public String password(String staffEmail) {
        try {
            return Files.readAllLines(dataDir.resolve(DemoPublication.PASSWORDS)).stream()
                .filter(line -> line.startsWith(staffEmail + " "))
                .map(line -> line.substring(staffEmail.length() + 1).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException("no demo password for " + staffEmail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public Database database() {
        return database;
    }

    public Path dataDir() {
        return dataDir;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return exchange(method, path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return exchange("GET", path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private <T> HttpResponse<T> exchange(String method, String path, HttpResponse.BodyHandler<T> body,
                                         String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another app node of the same site: a second server, with its own connections, over the same
     * database and data folder, as behind a load balancer. Only on PostgreSQL (SQLite is one
     * node's). Close it when done.
     */
    public TestSite anotherNode() {
        if (!config.postgresql()) {
            throw new IllegalStateException("several nodes need PostgreSQL");
        }
        return new TestSite(this);
    }

    /**
     * This site started again over the same data folder and database, as after a restart; close
     * this one first. Close the new one when done.
     */
    public TestSite restarted() {
        return new TestSite(this);
    }

    private TestSite(TestSite first) {
        try {
            dataDir = first.dataDir;
            config = first.config;
            database = Database.open(config);
            server = WebServer.newServer(config, database);
            server.start();
            baseUrl = WebServer.address(server, config).replaceAll("/$", "");
        } catch (Exception e) {
            throw new IllegalStateException("the site did not start again", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            database.close();
        }
    }
}
