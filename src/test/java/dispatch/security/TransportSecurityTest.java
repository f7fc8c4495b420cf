package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Config;
import dispatch.support.TestSite;
import dispatch.web.ClientAddress;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Strict-Transport-Security on every response to a request that came over HTTPS, directly or
 * through a trusted proxy; the X-Forwarded-* headers of anyone else change nothing.
 */
@Tag("postgresql")
class TransportSecurityTest {
    private static final String HSTS = "max-age=31536000; includeSubDomains";
    private static TestSite behindProxy;

    @BeforeAll
    static void start() {
        behindProxy = TestSite.demoWith(Map.of("DISPATCH_TRUSTED_PROXIES", "10.9.8.7, 127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
    }

    private static String hsts(HttpResponse<String> r) {
        return r.headers().firstValue("Strict-Transport-Security").orElse(null);
    }

    @Test
    void https_through_a_trusted_proxy_gets_hsts_on_every_kind_of_response() {
        for (String path : List.of("/", "/", "/sections", "/no-such-page", "/favicon.svg", "/healthz", "/account/register")) {
            HttpResponse<String> r = behindProxy.get(path, "X-Forwarded-Proto", "https");
            assertEquals(HSTS, hsts(r), path + " (" + r.statusCode() + ")");
        }
        RawHttp.Answer refused = new RawHttp(behindProxy.url("/")).send("PROPFIND", "/", "", "X-Forwarded-Proto: https");
        assertEquals(HSTS, refused.header("Strict-Transport-Security"), "a refused method too");
        // Refused by Jetty before any route: a path that cannot be decoded.
        for (String path : List.of("/articles/%FF", "/x/.%2e/y")) {
            RawHttp.Answer unreadable = new RawHttp(behindProxy.url("/")).send("GET", path, null, "X-Forwarded-Proto: https");
            assertEquals(400, unreadable.status(), path);
            assertEquals(HSTS, unreadable.header("Strict-Transport-Security"), path);
            RawHttp.Answer claimed = new RawHttp(TestSite.demo().url("/")).send("GET", path, null, "X-Forwarded-Proto: https");
            assertEquals(null, claimed.header("Strict-Transport-Security"), path + " from an untrusted peer");
        }
    }

    @Test
    void cookies_are_marked_secure_under_https_through_a_trusted_proxy() {
        HttpResponse<String> r = behindProxy.get("/account/register", "X-Forwarded-Proto", "https");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
    }

    @Test
    void plain_http_gets_no_hsts() {
        assertEquals(null, hsts(behindProxy.get("/")));
        assertEquals(null, hsts(behindProxy.get("/", "X-Forwarded-Proto", "http")));
        assertEquals(null, hsts(TestSite.demo().get("/sections")));
    }

    @Test
    void forwarded_headers_from_an_untrusted_peer_change_nothing() {
        TestSite direct = TestSite.demo();  // no trusted proxies: the default
        for (String path : List.of("/", "/sections", "/account/register", "/no-such-page")) {
            HttpResponse<String> r = direct.get(path, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
            assertEquals(null, hsts(r), path);
            r.headers().allValues("Set-Cookie").forEach(c -> assertFalse(c.contains("Secure"), path + ": " + c));
        }
    }

    @Test
    void the_client_address_comes_from_x_forwarded_for_only_through_a_trusted_proxy() throws Exception {
        assertEquals("127.0.0.1", addressSeen(Set.of(), "203.0.113.9"), "an untrusted peer's header is ignored");
        assertEquals("203.0.113.9", addressSeen(Set.of("127.0.0.1"), "203.0.113.9"));
        assertEquals("198.51.100.4", addressSeen(Set.of("127.0.0.1"), "203.0.113.9, 198.51.100.4"),
            "the nearest address a proxy appended, not what the client wrote to its left");
        assertEquals("198.51.100.4", addressSeen(Set.of("127.0.0.1", "10.0.0.2"), "203.0.113.9, 198.51.100.4, 10.0.0.2"),
            "trusted proxies in the chain are skipped");
        assertEquals("127.0.0.1", addressSeen(Set.of("127.0.0.1"), null), "no header: the proxy itself");
    }

    @Test
    void the_trusted_proxies_setting_takes_ip_addresses_only() {
        Config config = Config.fromEnvironment(Map.of("DISPATCH_TRUSTED_PROXIES", " 10.0.0.5 , ::1,[2001:db8::1]"));
        assertEquals(Set.of("10.0.0.5", "0:0:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:1"), config.trustedProxies());
        assertEquals(Set.of(), Config.fromEnvironment(Map.of()).trustedProxies(), "none by default");
        for (String bad : List.of("proxy.example.org", "10.0.0.300", "10.0.0", "*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("DISPATCH_TRUSTED_PROXIES", bad)), bad);
            assertTrue(e.getMessage().startsWith("DISPATCH_TRUSTED_PROXIES must be"), e.getMessage());
        }
    }

    /** What {@link ClientAddress} says of a real request through a real Jetty, with or without X-Forwarded-For. */
    private static String addressSeen(Set<String> trusted, String forwardedFor) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(ClientAddress.of(request, trusted) + " " + ClientAddress.secure(request, trusted));
            }
        }), "/");
        server.setHandler(context);
        server.start();
        try {
            RawHttp raw = new RawHttp("http://127.0.0.1:" + connector.getLocalPort() + "/");
            RawHttp.Answer answer = forwardedFor == null ? raw.send("GET", "/", null)
                : raw.send("GET", "/", null, "X-Forwarded-For: " + forwardedFor, "X-Forwarded-Proto: https");
            String[] said = answer.body().split(" ");
            assertEquals(String.valueOf(forwardedFor != null && trusted.contains("127.0.0.1")), said[1], "secure");
            return said[0];
        } finally {
            server.stop();
        }
    }
}
