package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A client's malformed request is the client's mistake: 400 with the site's own error page,
 * one quiet log line at most (and a bounded number of them however many arrive), never a 500
 * or a stack trace.
 */
@Tag("postgresql")
class ClientErrorsTest {
    private static TestSite site;
    private static RawHttp raw;
    private static String csrf;

    @BeforeAll
    static void start() {
        site = TestSite.demoWith(java.util.Map.of());
        raw = new RawHttp(site.url("/"));
        csrf = new Browsing(site).csrf();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static void assertClientError(RawHttp.Answer r, String what) {
        assertEquals(400, r.status(), what + ": " + r.body());
        assertTrue(r.body().contains("<h1") && r.body().contains("app-"), what + " gets the site's own error page");
        assertTrue(r.header("Content-Security-Policy") != null, what + " carries the security headers");
    }

    @Test
    void invalid_utf8_or_percent_encoding_in_a_query_is_a_400_not_a_stack_trace() {
        try (ServerLog log = ServerLog.capture()) {
            for (String target : List.of("/search?q=%C3%28", "/search?q=%FF", "/?q=%FF", "/sections?page=%C3",
                    "/account/register?next=%ZZ", "/newsletters/confirm?token=%E2%82", "/archive?x=%")) {
                assertClientError(raw.send("GET", target, null), target);
            }
            assertFalse(log.hasStackTrace(), log.text());
            assertEquals(0, log.linesAt("ERROR") + log.linesAt("WARN"), log.text());
        }
    }

    @Test
    void a_path_that_cannot_be_decoded_is_a_400_in_the_sites_words_with_the_security_headers_and_a_quiet_line() {
        // A site of its own: its quiet log has its whole minute's allowance for these requests.
        try (TestSite own = TestSite.demoWith(java.util.Map.of()); ServerLog log = ServerLog.capture()) {
            RawHttp ownRaw = new RawHttp(own.url("/"));
            List<String> targets = List.of("/articles/%FF", "/sections/%00", "/x/.%2e/y", "/articles/a%5cb",
                "/articles/a%2Fb", "/articles/%3Cscript%3Ealert(1)%3C/script%3E%C3%28");
            for (String target : targets) {
                RawHttp.Answer r = ownRaw.send("GET", target, null);
                assertEquals(400, r.status(), target + ": " + r.body());
                assertEquals("nosniff", r.header("X-Content-Type-Options"), target);
                assertEquals("DENY", r.header("X-Frame-Options"), target);
                assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"), target);
                assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"), target);
                assertEquals(null, r.header("Strict-Transport-Security"), target + ": no HSTS over plain HTTP");
                assertTrue(r.body().contains("<h1>The request could not be read</h1>"), target + ": " + r.body());
                assertTrue(r.body().contains("<title>The request could not be read – Meridian East</title>"), r.body());
                assertFalse(r.body().contains("script") || r.body().contains("%") || r.body().contains("articles"),
                    target + " is not echoed: " + r.body());
            }
            String text = log.text();
            assertEquals(targets.size(), text.lines().filter(l -> l.contains(" INFO ") && l.contains("Client error: "))
                .count(), "one quiet line each:\n" + text);
            // The NUL is refused by the parser, with the request line; the others name what was sent.
            for (String target : targets.stream().filter(t -> !t.contains("%00")).toList()) {
                assertTrue(text.contains("Client error: GET " + target + " could not be read"), target + ":\n" + text);
            }
            assertFalse(log.hasStackTrace(), text);
            assertEquals(0, log.linesAt("ERROR") + log.linesAt("WARN"), text);
        }
    }

    @Test
    void a_malformed_form_body_is_a_400_not_a_stack_trace() {
        String cookie = "Cookie: dispatch_csrf=" + csrf;
        try (ServerLog log = ServerLog.capture()) {
            assertClientError(raw.send("POST", "/account/register", "csrf=" + csrf + "&name=%ZZ&email=%C3%28",
                cookie, "Content-Type: application/x-www-form-urlencoded"), "bad percent-encoding");
            assertClientError(raw.send("POST", "/account/register", "csrf=" + csrf + "&name=%FF",
                cookie, "Content-Type: application/x-www-form-urlencoded"), "invalid UTF-8");
            assertClientError(raw.send("POST", "/account/register", "csrf=" + csrf + "&name=x",
                cookie, "Content-Type: application/x-www-form-urlencoded; charset=no-such-charset"), "unknown charset");
            String multipart = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--b--\r\n";
            RawHttp.Answer toPlainForm = raw.send("POST", "/account/register", multipart, cookie,
                "Content-Type: multipart/form-data; boundary=b");
            assertTrue(toPlainForm.status() >= 400 && toPlainForm.status() < 500,
                "a multipart body to a form that takes none: " + toPlainForm.status());
            RawHttp.Answer truncated = raw.send("POST", "/newsletters/subscribe", "--b\r\nContent-Disposition: form-da",
                "Content-Type: multipart/form-data; boundary=b");
            assertTrue(truncated.status() >= 400 && truncated.status() < 500,
                "a truncated multipart body to a form that takes none: " + truncated.status());
            assertFalse(log.hasStackTrace(), log.text());
            assertEquals(0, log.linesAt("ERROR") + log.linesAt("WARN"), log.text());
        }
    }

    @Test
    void a_truncated_upload_to_the_image_library_is_a_400() {
        Browsing staff = StaffSession.administrator(site);
        String cookies = "Cookie: dispatch_csrf=" + staff.csrf() + "; dispatch_session="
            + staff.cookie("dispatch_session").orElseThrow();
        try (ServerLog log = ServerLog.capture()) {
            RawHttp.Answer r = raw.send("POST", "/newsroom/images",
                "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + staff.csrf()
                    + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG",
                cookies, "Content-Type: multipart/form-data; boundary=b");
            assertClientError(r, "a multipart body cut short");
            assertFalse(log.hasStackTrace(), log.text());
        }
    }

    @Test
    void a_flood_of_bad_requests_cannot_fill_the_log() {
        try (ServerLog log = ServerLog.capture()) {
            for (int i = 0; i < 300; i++) {
                assertEquals(400, raw.send("GET", "/search?q=%FF" + i, null).status());
            }
            assertTrue(log.lines() <= 15, "at most a few lines for 300 bad requests, not " + log.lines() + ":\n" + log.text());
        }
    }
}
