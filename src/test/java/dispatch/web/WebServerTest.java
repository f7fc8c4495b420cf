package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class WebServerTest {
    private final TestSite site = TestSite.demo();

    @Test
    void every_response_carries_the_security_headers() {
        for (String path : new String[] {"/", "/articles/no-such-article", "/favicon.svg"}) {
            HttpResponse<String> r = site.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), "no inline script or style is ever allowed");
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(r.headers().firstValue("Server").isEmpty(), "no server version is advertised");
        }
    }

    @Test
    void pages_are_compressed_for_clients_that_accept_gzip() throws IOException {
        HttpResponse<byte[]> r = site.getBytes("/", "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    @Test
    void stylesheet_is_one_hashed_file_cached_for_a_year() {
        String href = Jsoup.parse(site.get("/").body()).selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(href.matches("/assets/dispatch-[0-9a-f]{12}\\.css"), href);
        HttpResponse<String> css = site.get(href);
        assertEquals(200, css.statusCode());
        assertEquals("text/css;charset=utf-8", css.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertTrue(css.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertTrue(css.body().contains(".app-skip-link"));
        assertEquals(404, site.get("/assets/dispatch-000000000000.css").statusCode());
    }

    @Test
    void media_files_are_served_with_validators() {
        String src = Jsoup.parse(site.get("/authors/lilit-harutyunyan").body()).selectFirst("img").attr("src");
        HttpResponse<byte[]> image = site.getBytes(src);
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertTrue(image.headers().firstValue("ETag").isPresent());
        HttpResponse<String> folder = site.get("/media/");
        assertEquals(403, folder.statusCode(), "no directory listing");
        assertEquals("This page is not available – Meridian East", Jsoup.parse(folder.body()).title());
        assertEquals(404, site.get("/media/../dispatch.db").statusCode());
    }

    @Test
    void wrong_method_gets_405_with_the_allowed_methods_and_a_helpful_page() {
        HttpResponse<String> r = site.send("POST", "/about");
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""));
        assertTrue(Jsoup.parse(r.body()).title().startsWith("That request is not accepted here"));
    }

    @Test
    void a_failure_inside_gives_an_accessible_500_page_without_a_stack_trace() {
        try (TestSite broken = TestSite.empty()) {
            broken.database().jdbi().useHandle(h -> h.execute("DROP TABLE article_topics"));
            broken.database().jdbi().useHandle(h -> h.execute("DROP TABLE article_authors"));
            broken.database().jdbi().useHandle(h -> h.execute("DROP TABLE corrections"));
            // PostgreSQL also refuses while other tables refer to it; CASCADE drops their references.
            broken.database().jdbi().useHandle(h -> h.execute(
                dispatch.support.TestDatabase.postgresql() ? "DROP TABLE articles CASCADE" : "DROP TABLE articles"));
            HttpResponse<String> r = broken.get("/");
            assertEquals(500, r.statusCode());
            var doc = Jsoup.parse(r.body());
            assertEquals("Sorry, there is a problem with the service – Meridian East", doc.title());
            assertFalse(r.body().contains("Exception") || r.body().contains("at dispatch."), "no stack trace");
            assertEquals("Skip to main content", doc.selectFirst("a").text());
        }
    }

    @Test
    void robots_and_favicon_are_static_files() {
        assertEquals(200, site.get("/robots.txt").statusCode());
        assertEquals("image/svg+xml", site.get("/favicon.svg").headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, site.get("/web/css/base.css").statusCode());
    }
}
