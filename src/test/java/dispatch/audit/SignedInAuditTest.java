package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An audit of a members' area that answers only requests with the right cookie and header,
 * run once with {@code --cookie}, {@code --header} and {@code --sample 2}: every request to the
 * site carries both, the same server under another origin ({@code localhost} for
 * {@code 127.0.0.1}) gets neither, the links that sign out are never visited, two pages of each
 * template are audited, and the secret values appear in none of the files nor on the terminal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class SignedInAuditTest {
    private static final String COOKIE = "members-cookie-c00k1e";
    private static final String TOKEN = "members-header-t0k3n";

    /** Every request the server got: host, path, whether the cookie and the header were right. */
    private record Asked(String host, String path, boolean cookie, boolean header) {}

    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private Server server;
    private int port;
    private String base;
    private AuditReport report;
    private String progress;
    private Path out;

    @BeforeAll
    void audit() throws Exception {
        byte[] png = png();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                String cookies = String.valueOf(request.getHeaders().get(HttpHeader.COOKIE));
                boolean cookie = cookies.contains("members=" + COOKIE);
                boolean header = TOKEN.equals(request.getHeaders().get("X-Members-Token"));
                asked.add(new Asked(Request.getServerName(request), path, cookie, header));
                if (path.endsWith(".png")) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/png");
                    response.write(true, ByteBuffer.wrap(png), callback);
                    return true;
                }
                boolean page = List.of("/", "/members/one", "/members/two", "/members/three").contains(path);
                response.setStatus(!page ? 404 : cookie && header ? 200 : 403);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                String title = response.getStatus() == 200 ? "Members: " + path : "Not signed in";
                response.write(true, ByteBuffer.wrap(page(title).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
        base = "http://127.0.0.1:" + port;
        out = Files.createTempDirectory("dispatch-signed-in-audit");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Access access = new Access(List.of(Access.Cookie.parse("members=" + COOKIE)),
            List.of(Access.Header.parse("X-Members-Token: " + TOKEN)), null);
        report = new Auditor(new PrintStream(lines, true, StandardCharsets.UTF_8), Clock.systemUTC())
            .run(URI.create(base + "/"), 100, true, access, 2);
        report = new ReportFiles().write(report, out, List.of());
        progress = lines.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    private String page(String title) {
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%1$s</title><link rel="icon" href="data:,">
            </head><body><header><a href="#main">Skip to the content</a></header><main id="main" tabindex="-1">
            <h1>%1$s</h1>
            <p><img src="http://localhost:%2$d/elsewhere.png" alt="A dot from another origin" width="1" height="1">
            <img src="/here.png" alt="A dot from this site" width="1" height="1"></p>
            <ul><li><a href="/members/one">One</a></li><li><a href="/members/two">Two</a></li>
            <li><a href="/members/three">Three</a></li><li><a href="/account/sign-out">Sign out</a></li>
            <li><a href="/logout?next=/">Log out</a></li></ul></main></body></html>
            """.formatted(title, port);
    }

    private static byte[] png() {
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(dot, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void every_request_to_the_site_carries_the_cookie_and_the_header_and_other_origins_get_neither() {
        List<Asked> here = asked.stream().filter(a -> a.host().equals("127.0.0.1")).toList();
        List<Asked> elsewhere = asked.stream().filter(a -> a.host().equals("localhost")).toList();
        assertTrue(here.stream().anyMatch(a -> a.path().equals("/here.png")), "the browser loaded the page's image");
        assertTrue(here.stream().anyMatch(a -> a.path().equals("/robots.txt")), "the crawler asked too");
        assertEquals(List.of(), here.stream().filter(a -> !a.cookie() || !a.header()).toList());
        assertFalse(elsewhere.isEmpty(), "the browser loaded the other origin's image");
        assertEquals(List.of(), elsewhere.stream().filter(a -> a.cookie() || a.header()).toList());
        assertTrue(report.pages().stream().allMatch(p -> p.title().startsWith("Members: ")),
            () -> report.pages().stream().map(PageResult::title).toList().toString());
    }

    @Test
    void the_addresses_that_sign_out_are_never_visited_and_the_report_names_them() {
        assertEquals(List.of(), asked.stream().filter(a -> a.path().contains("sign-out") || a.path().contains("logout"))
            .toList());
        assertEquals(List.of(base + "/account/sign-out", base + "/logout?next=/"), report.scope().signOut());
        assertTrue(progress.contains("Left out 2 addresses that would sign out, so as to stay signed in."), progress);
    }

    @Test
    void a_sample_audits_the_first_pages_of_each_template_and_the_scope_lists_every_template() {
        assertEquals(List.of(base + "/", base + "/members/one", base + "/members/two"),
            report.pages().stream().map(PageResult::url).toList());
        assertEquals(List.of(new AuditReport.Template("/", 1, 1), new AuditReport.Template("/members/{slug}", 3, 2)),
            report.scope().templates());
        assertEquals(4, report.scope().found());
        assertTrue(progress.contains("Auditing 3 of them: at most 2 of each of 2 templates."), progress);
    }

    @Test
    void the_report_names_the_cookie_and_the_header_and_no_file_holds_their_values() throws IOException {
        assertEquals(List.of("members"), report.scope().cookies());
        assertEquals(List.of("X-Members-Token"), report.scope().headers());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("carried the cookie members and the header X-Members-Token"), html);
        assertTrue(html.contains("<caption class=\"app-table__caption\">Pages by template</caption>"), html);
        for (String file : ReportFiles.FILES) {
            String text = Files.readString(out.resolve(file));
            assertFalse(text.contains(COOKIE) || text.contains(TOKEN), file);
        }
        assertFalse(progress.contains(COOKIE) || progress.contains(TOKEN), progress);
    }

    @Test
    void the_scope_section_of_the_report_has_no_axe_violations() {
        try (Browser browser = new Browser()) {
            browser.open(out.resolve("report.html").toUri().toString());
            browser.script("document.getElementById('scope').scrollIntoView()");
            Results results = Axe.scan(browser.driver());
            assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
                () -> Axe.describe(results.getViolations()));
        }
    }
}
