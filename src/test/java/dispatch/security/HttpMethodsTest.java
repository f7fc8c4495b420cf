package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every route answers the methods it serves and 405 (with an Allow header naming them) to any
 * other, made-up ones included; TRACE never echoes a request back.
 */
@Tag("postgresql")
class HttpMethodsTest {
    private final TestSite site = TestSite.demo();
    private final RawHttp raw = new RawHttp(site.url("/"));

    /** Pages, forms, static files, media, the stylesheet, health and metrics. */
    private static final List<String> ROUTES = List.of("/", "/search?q=tbilisi", "/sections", "/account/register",
        "/newsroom/sign-in", "/newsletters", "/favicon.svg", "/media/no-such.png", "/assets/dispatch.css",
        "/healthz", "/readyz", "/metrics", "/feeds/all.rss", "/no/such/page");

    @Test
    void trace_is_refused_and_never_echoes_the_request_back() {
        for (String path : ROUTES) {
            RawHttp.Answer r = raw.send("TRACE", path, null, "Cookie: dispatch_csrf=secret-cookie-value-1234567890abcdef",
                "X-Secret: header-value-to-hide");
            assertEquals(405, r.status(), path);
            assertFalse(r.body().contains("secret-cookie-value") || r.body().contains("header-value-to-hide"),
                path + " echoed the request: " + r.body());
            assertTrue(r.header("Allow") != null && r.header("Allow").contains("GET"), path + ": " + r.headers());
            assertFalse(r.header("Allow").contains("TRACE"), path);
        }
    }

    @Test
    void unknown_and_webdav_methods_get_405_with_what_the_route_serves_not_501() {
        for (String method : List.of("PROPFIND", "PATCH", "FOO", "MKCOL", "DELETE", "PUT")) {
            for (String path : ROUTES) {
                RawHttp.Answer r = raw.send(method, path, "");
                assertEquals(405, r.status(), method + " " + path + ": " + r.body());
                assertTrue(r.header("Allow") != null, method + " " + path);
            }
        }
    }

    @Test
    void the_allow_header_names_what_each_route_really_serves() {
        assertEquals("GET, HEAD, OPTIONS", raw.send("PROPFIND", "/", "").header("Allow"));
        assertEquals("GET, HEAD, OPTIONS", raw.send("PROPFIND", "/favicon.svg", "").header("Allow"));
        assertEquals("GET, HEAD, OPTIONS", raw.send("PROPFIND", "/healthz", "").header("Allow"));
        assertEquals("GET, HEAD, POST, OPTIONS", raw.send("PROPFIND", "/account/register", "").header("Allow"));
        assertEquals("GET, HEAD, POST, OPTIONS", raw.send("PROPFIND", "/newsroom/sign-in", "").header("Allow"));
    }

    @Test
    void a_post_to_a_page_that_only_reads_gets_405_with_its_own_methods() {
        for (String path : List.of("/", "/sections", "/favicon.svg", "/healthz")) {
            RawHttp.Answer r = raw.send("POST", path, "a=b", "Content-Type: application/x-www-form-urlencoded");
            assertEquals(405, r.status(), path);
            assertEquals("GET, HEAD, OPTIONS", r.header("Allow"), path);
        }
        RawHttp.Answer get = raw.send("GET", "/newsroom/sign-out", null);
        assertEquals(405, get.status(), "signing out is a form's POST");
        assertEquals("POST, OPTIONS", get.header("Allow"));
        assertTrue(get.body().contains("<h1"), "the site's own error page");
    }

    @Test
    void options_answers_with_the_allowed_methods_and_no_body() {
        for (String path : ROUTES) {
            RawHttp.Answer r = raw.send("OPTIONS", path, null);
            assertEquals(204, r.status(), path);
            assertTrue(r.header("Allow").startsWith("GET, HEAD"), path + ": " + r.header("Allow"));
            assertEquals("", r.body(), path);
        }
    }

    @Test
    void the_methods_a_route_serves_still_work() {
        assertEquals(200, raw.send("GET", "/", null).status());
        RawHttp.Answer head = raw.send("HEAD", "/favicon.svg", null);
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(200, raw.send("GET", "/healthz", null).status());
    }
}
