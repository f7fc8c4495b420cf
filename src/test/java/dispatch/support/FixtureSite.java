package dispatch.support;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * A static website that is not Dispatch, for the audit's tests: the pages under
 * src/test/resources/audit-fixture, served as they are by a plain Jetty on a free port of
 * 127.0.0.1. It has no sitemap, so the audit finds its pages by following links.
 */
public final class FixtureSite implements AutoCloseable {
    private final Server server = new Server();
    private final String baseUrl;

    public FixtureSite() {
        try {
            Path folder = Path.of(FixtureSite.class.getResource("/audit-fixture").toURI());
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ResourceHandler files = new ResourceHandler();
            files.setBaseResource(ResourceFactory.of(files).newResource(folder));
            files.setDirAllowed(false);
            server.setHandler(files);
            server.start();
            baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the fixture site did not start", e);
        }
    }

    /** The address of a page, such as {@code url("/index.html")}. */
    public String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
