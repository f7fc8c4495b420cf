package dispatch.web;

import dispatch.changes.ContentChanges;
import dispatch.Config;
import dispatch.db.Database;
import dispatch.db.Dialect;
import dispatch.db.PostgresRelay;
import dispatch.ops.AccessLog;
import dispatch.ops.Metrics;
import dispatch.ops.Overload;
import dispatch.section.SectionDao;
import java.time.Clock;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Builds the web server: one connector; in front, the overload limit; then compression; then
 * one servlet context with every route. Metrics and the access log see every request.
 */
public final class WebServer {

    /** An unstarted server for this configuration; port 0 picks a free port (see {@link #address}). */
    public static Server newServer(Config config, Database database) {
        Server server = new Server();
        Metrics metrics = new Metrics(server);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // No ForwardedRequestCustomizer: it believes X-Forwarded-* from anyone. The client's
        // scheme and address are read from trusted proxies only (TrustedProxies, ClientAddress).
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        server.addConnector(connector);

        Supplier<String> baseUrl = () -> config.port() == 0
            ? "http://" + config.bind() + ":" + connector.getLocalPort()
            : config.baseUrl().toString();
        StyleBundle styles = StyleBundle.load();
        Site site = new Site(config.siteName(), baseUrl, database.dao(SectionDao.class), styles.url());

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/"));
        ContentChanges changes = new ContentChanges();
        if (database.dialect() == Dialect.POSTGRESQL) {
            // Several nodes may share this database: each tells the others when content changes.
            server.addBean(new PostgresRelay(database, changes));
        }
        QuietLog clientErrors = ClientErrors.newLog();
        Handler routes = Routes.install(context, new Routes.Services(config, database, site, new Templates(), styles,
            Clock.systemUTC(), metrics, changes, clientErrors));
        context.setErrorHandler(errorPages());

        // Responses over a few hundred bytes go out gzip-compressed when the client accepts it.
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(256);
        gzip.setHandler(routes);
        // In front of everything, the limit on requests handled at once (see Overload).
        Overload overload = new Overload(config.maxActive(), config.maxWaiting(), config.maxWait(), metrics.registry());
        overload.setHandler(gzip);
        server.setHandler(overload);
        if (config.accessLog()) {
            server.setRequestLog(new AccessLog(System.out::println));
        }

        // Errors Jetty answers before a request reaches the context (a path that cannot be decoded,
        // a malformed request line) get the security headers, a quiet log line and a small page in
        // the site's words, without stack traces or version numbers.
        server.setErrorHandler(new UnreadableRequests(config.siteName(), config.language(), config.trustedProxies(),
            clientErrors));
        return server;
    }

    private static ErrorPageErrorHandler errorPages() {
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, Routes.ERROR);
        errors.addErrorPage(Throwable.class, Routes.ERROR);
        errors.setShowStacks(false);
        return errors;
    }

    /** The address a started server listens on. */
    public static String address(Server server, Config config) {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        return "http://" + config.bind() + ":" + connector.getLocalPort() + "/";
    }

    private WebServer() {}
}
