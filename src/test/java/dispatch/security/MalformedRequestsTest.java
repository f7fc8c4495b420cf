package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests, over every route (see Routes), anonymous and with a
 * signed-in administrator's session and CSRF token: made-up and unsafe methods, mangled paths,
 * invalid percent-encodings and UTF-8, bad header bytes, broken cookies, wrong and lying content
 * types, truncated multipart bodies, huge headers, fields and queries. None may get a 5xx or
 * leave a stack trace or an error in the log, and the site must be healthy afterwards.
 * The generator is seeded: a failure names its seed and request number, and
 * {@code -Ddispatch.fuzz.seed=N} replays it.
 */
@Tag("postgresql")
class MalformedRequestsTest {
    private static final int REQUESTS = 2_500;
    /** However slow the machine, the test stops sending after this long and judges what it sent. */
    private static final long BUDGET_NANOS = 60_000_000_000L;
    private static final String BOUNDARY = "fuzzboundary";
    private static TestSite site;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        site = TestSite.demoWith(Map.of());
        raw = new RawHttp(site.url("/"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** One concrete address for every route in Routes, with real slugs and ids where a route takes one. */
    private static List<String> routes() {
        String article = one("SELECT slug FROM articles ORDER BY id LIMIT 1");
        String section = one("SELECT slug FROM sections ORDER BY id LIMIT 1");
        String topic = one("SELECT slug FROM topics ORDER BY id LIMIT 1");
        String author = one("SELECT slug FROM authors ORDER BY id LIMIT 1");
        String articleId = one("SELECT id FROM articles ORDER BY id LIMIT 1");
        String imageId = one("SELECT id FROM images ORDER BY id LIMIT 1");
        String media = one("SELECT file FROM images ORDER BY id LIMIT 1");
        return List.of("/", "/articles/" + article, "/articles/no-such", "/sections", "/sections/" + section,
            "/topics", "/topics/" + topic, "/authors", "/authors/" + author, "/search", "/archive", "/archive/2025",
            "/archive/2025/01", "/preferences", "/language/ar", "/feeds/all.rss", "/feeds/sections/" + section + ".atom",
            "/sitemap.xml", "/sitemap-news.xml", "/robots.txt", "/about", "/accessibility", "/accessibility/report",
            "/account", "/account/email", "/account/password", "/account/newsletters", "/account/register",
            "/account/sign-in", "/account/sign-out", "/account/forgot-password", "/account/reset-password",
            "/account/verify", "/account/confirm-email", "/account/data", "/account/delete", "/membership",
            "/membership/join", "/membership/test-checkout/x", "/newsletters", "/newsletters/subscribe",
            "/newsletters/confirm", "/newsletters/unsubscribe", "/newsroom", "/newsroom/sign-in", "/newsroom/sign-out",
            "/newsroom/articles/new", "/newsroom/articles/" + articleId, "/newsroom/articles/" + articleId + "/revisions",
            "/newsroom/articles/" + articleId + "/revisions/compare", "/newsroom/images", "/newsroom/images/" + imageId,
            "/newsroom/staff", "/newsroom/staff/1", "/newsroom/staff/new", "/newsroom/activity", "/newsroom/plans",
            "/newsroom/plans/monthly", "/newsroom/newsletters", "/newsroom/newsletters/new", "/newsroom/newsletters/1",
            "/newsroom/newsletters/1/send", "/newsroom/audits", "/healthz", "/readyz", "/metrics", "/media/" + media,
            "/media/no-such.png", "/assets/dispatch-000000000000.css", "/favicon.svg", "/error");
    }

    private static String one(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void thousands_of_malformed_requests_to_every_route_get_no_5xx_and_leave_no_stack_trace() {
        long seed = Long.getLong("dispatch.fuzz.seed", 20261207L);
        Random random = new Random(seed);
        List<String> routes = routes();
        Session staff = Session.of(StaffSession.administrator(site));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        int sent = 0;
        try (ServerLog log = ServerLog.capture()) {
            for (int i = 0; i < REQUESTS && System.nanoTime() - start < BUDGET_NANOS; i++, sent++) {
                if (i % 250 == 249 && !staff.stillSignedIn()) {
                    staff = Session.of(StaffSession.administrator(site));  // a fuzzed form may have signed it out
                }
                String route = routes.get(i % routes.size());
                Generated request = new Generator(random, route, random.nextBoolean() ? staff : null).next();
                RawHttp.Answer answer = raw.sendBytes(request.bytes());
                statuses.merge(answer.status(), 1, Integer::sum);
                // 505 is the one 5xx a client can earn: HTTP's own answer to a version no server
                // speaks (RFC 9110, 15.6.6), given by Jetty's parser before any route is involved.
                boolean versionRefused = answer.status() == 505 && request.badVersion();
                if ((answer.status() >= 500 && !versionRefused) || answer.status() == 0) {
                    failures.add("seed " + seed + ", request " + i + " (" + request.summary() + "): " + answer.status()
                        + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " requests failed, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
            assertFalse(log.hasStackTrace(), "a stack trace in the log:\n" + log.text());
            assertEquals(0, log.linesAt("ERROR") + log.linesAt("WARN"), log.text());
        }
        assertTrue(sent >= routes.size() * 10, "every route got at least ten requests: " + sent + " sent");
        assertEquals(200, site.get("/healthz").statusCode(), "alive afterwards");
        assertEquals(200, site.get("/readyz").statusCode(), "ready afterwards");
        assertEquals(200, site.get("/").statusCode(), "serving afterwards");
        System.out.println("MalformedRequestsTest: " + sent + " requests, statuses " + statuses);
    }

    /** A session's cookies and CSRF token, for requests written by hand. */
    private record Session(String session, String csrf, Browsing browser) {
        static Session of(Browsing browser) {
            return new Session(browser.cookie("dispatch_session").orElseThrow(), browser.csrf(), browser);
        }

        boolean stillSignedIn() {
            return browser.get("/newsroom").statusCode() == 200;
        }
    }

    /** The bytes of a request and a short description of it for a failure message. */
    private record Generated(byte[] bytes, String summary, boolean badVersion) {}

    /** Makes one request for a route, from the random source; with a session, it is the administrator's. */
    private static final class Generator {
        private static final String[] METHODS = {"GET", "GET", "GET", "HEAD", "POST", "POST", "POST", "PUT", "DELETE",
            "OPTIONS", "TRACE", "PATCH", "PROPFIND", "MKCOL", "get", "FOO", "X-Y_Z", "CONNECT"};
        private static final String[] FIELDS = {"csrf", "email", "password", "name", "next", "q", "page", "alt",
            "caption", "credit", "decorative", "headline", "standfirst", "body", "action", "newsletter",
            "email-daily-briefing", "token", "language", "plan", "role", "price", "currency", "period", "section",
            "authors", "topics", "kind", "access", "file", "subject", "intro", "text-size", "theme", "back", "description"};
        /** Routes where a form with a valid token checks a password with bcrypt: slow, so sent with a valid token rarely. */
        private static final List<String> PASSWORD_ROUTES = List.of("/newsroom/sign-in", "/account/sign-in",
            "/account/register", "/account/reset-password", "/account/password", "/account/delete", "/newsroom/staff/new");
        private static final String[] JUNK = {"%", "%Z", "%ZZ", "%FF", "%C3%28", "%E2%82", "%00", "%2e%2e/", "%2F", "%25",
            "%u0041", "+", "&", "=", ";", "..", "//", "\\", "%0d%0a", "\u00e9", "\u062a", "\ud83d\ude00", "<script>", "'\""};

        private final Random random;
        private final String route;
        private final Session session;

        Generator(Random random, String route, Session session) {
            this.random = random;
            this.route = route;
            this.session = session;
        }

        Generated next() {
            String method = pick(METHODS);
            boolean post = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            String target = target();
            List<String> headers = new ArrayList<>();
            headers.add("Host: " + (random.nextInt(20) == 0 ? pick(new String[] {"", "evil.example", "a b", "[::1"}) : "127.0.0.1"));
            cookies(headers, post);
            for (int n = random.nextInt(4); n > 0; n--) {
                headers.add(junkHeader());
            }
            byte[] body = new byte[0];
            if (post || random.nextInt(10) == 0) {
                body = body(headers);
            }
            if (random.nextInt(15) == 0) {
                headers.add("Content-Length: " + pick(new String[] {"-1", "abc", "99999999999999999999", String.valueOf(body.length + 5)}));
            } else if (body.length > 0 || post) {
                headers.add("Content-Length: " + body.length);
            }
            String version = random.nextInt(30) == 0 ? pick(new String[] {"HTTP/1.0", "HTTP/9.9", "HTTP/1.1 extra", ""}) : "HTTP/1.1";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(target.getBytes(random.nextInt(20) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            out.writeBytes((" " + version + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String h : headers) {
                // Now and then a header's value carries raw bytes that are not text at all.
                out.writeBytes(h.getBytes(random.nextInt(25) == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
                if (random.nextInt(60) == 0) {
                    out.writeBytes(new byte[] {(byte) 0xFF, 0x01, (byte) 0x80});
                }
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            String summary = method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + " " + version
                + (session != null ? " as staff" : "") + ", " + body.length + " bytes of body";
            return new Generated(out.toByteArray(), summary, !version.equals("HTTP/1.1") && !version.equals("HTTP/1.0"));
        }

        private String target() {
            String path = route;
            switch (random.nextInt(8)) {
                case 0 -> path = path + pick(JUNK) + word();
                case 1 -> path = path + "/" + pick(JUNK);
                case 2 -> path = path.replaceFirst("/", "/" + pick(JUNK) + "/");
                case 3 -> path = path + "/" + "x".repeat(random.nextInt(3) == 0 ? 9_000 : 300);
                default -> { }
            }
            if (random.nextInt(3) != 0) {
                path = path + "?" + query();
            }
            return path.contains(" ") ? path.replace(" ", random.nextBoolean() ? "%20" : "+") : path;
        }

        private String query() {
            StringBuilder q = new StringBuilder();
            for (int n = random.nextInt(random.nextInt(20) == 0 ? 3_000 : 5); n >= 0; n--) {
                q.append(q.length() == 0 ? "" : "&").append(pick(FIELDS)).append('=').append(value(false));
            }
            return q.toString();
        }

        private void cookies(List<String> headers, boolean post) {
            List<String> parts = new ArrayList<>();
            if (session != null) {
                parts.add("dispatch_session=" + session.session());
                parts.add("dispatch_csrf=" + session.csrf());
            }
            switch (random.nextInt(8)) {
                case 0 -> parts.add("dispatch_session=" + pick(JUNK) + word());
                case 1 -> parts.add("dispatch_prefs=" + pick(new String[] {"%FF", "a|b|c", "text=huge;theme=", "\"", word()}));
                case 2 -> parts.add("dispatch_meter=" + pick(new String[] {"-1", "x.y.z", "%C3%28", "9".repeat(50), word()}));
                case 3 -> parts.add("dispatch_csrf=" + pick(JUNK));
                case 4 -> parts.add("=; ;;=x; " + pick(JUNK));
                case 5 -> parts.add("big=" + "c".repeat(random.nextInt(4) == 0 ? 20_000 : 2_000));
                default -> { }
            }
            if (!parts.isEmpty()) {
                headers.add("Cookie: " + String.join("; ", parts));
            }
        }

        private String junkHeader() {
            return switch (random.nextInt(10)) {
                case 0 -> "Accept-Language: " + pick(new String[] {"*;q=x", "ar-XX;q=2, ;;", "\u00e9\u00e9", word()});
                case 1 -> "If-Modified-Since: " + pick(new String[] {"yesterday", "Mon, 99 Foo 2025 99:99:99 GMT", "0"});
                case 2 -> "If-None-Match: " + pick(new String[] {"*", "\"", "W/\"x\", garbage", word()});
                case 3 -> "Range: " + pick(new String[] {"bytes=9-1", "bytes=-", "lines=1-2", "bytes=0-0,0-0,0-0"});
                case 4 -> "X-Forwarded-For: " + pick(new String[] {"999.1.1.1", "unknown", "a, b, c", "::1"});
                case 5 -> "X-Forwarded-Proto: " + pick(new String[] {"https", "gopher", ""});
                case 6 -> "Accept-Encoding: " + pick(new String[] {"gzip;q=x", "br, zstd, *;q=0", "\u0001"});
                case 7 -> "Authorization: Bearer " + pick(JUNK);
                case 8 -> "X-Huge: " + "h".repeat(random.nextInt(3) == 0 ? 70_000 : 5_000);
                default -> "Transfer-Encoding: " + pick(new String[] {"chunked", "gzip, chunked", "identity"});
            };
        }

        private byte[] body(List<String> headers) {
            boolean validToken = session != null && random.nextInt(4) != 0
                && (!PASSWORD_ROUTES.contains(route) || random.nextInt(8) == 0);
            String token = validToken ? session.csrf() : pick(new String[] {"", "wrong", "%FF"});
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> {
                    headers.add("Content-Type: " + pick(new String[] {"application/x-www-form-urlencoded",
                        "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=latin1",
                        "application/x-www-form-urlencoded; charset=no-such", "application/x-www-form-urlencoded; charset=\"",
                        "text/plain", "application/json"}));
                    StringBuilder form = new StringBuilder("csrf=" + token);
                    for (int n = random.nextInt(8); n >= 0; n--) {
                        String field = pick(FIELDS);
                        form.append('&').append(field).append('=').append(field.equals("password") ? value(true) : value(false));
                    }
                    return form.toString().getBytes(StandardCharsets.UTF_8);
                }
                case 3, 4 -> {
                    String boundary = random.nextInt(5) == 0 ? "other" : BOUNDARY;
                    headers.add("Content-Type: " + pick(new String[] {"multipart/form-data; boundary=" + boundary,
                        "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=" + boundary}));
                    String multipart = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token
                        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + pick(JUNK) + ".png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n\u001a\n" + word()
                        + "\r\n--" + BOUNDARY + "--\r\n";
                    byte[] bytes = multipart.getBytes(StandardCharsets.ISO_8859_1);
                    // Cut short, a body that ends mid-part.
                    return random.nextBoolean() ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes;
                }
                case 5 -> {
                    headers.add("Content-Type: application/json");
                    return ("{\"csrf\":\"" + token + "\",\"x\":[1,2,").getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    byte[] noise = new byte[random.nextInt(2_000)];
                    random.nextBytes(noise);
                    return noise;
                }
            }
        }

        /** A field's value: ordinary, encoded wrongly, very long, or unusual text; passwords stay within bcrypt's 72 bytes. */
        private String value(boolean password) {
            return switch (random.nextInt(7)) {
                case 0 -> pick(JUNK);
                case 1 -> word() + pick(JUNK) + word();
                case 2 -> password ? "p".repeat(random.nextInt(72)) : "v".repeat(random.nextInt(3) == 0 ? 200_000 : 5_000);
                case 3 -> "%E2%80%AE" + word() + "%00";
                case 4 -> String.valueOf(random.nextLong());
                default -> word();
            };
        }

        private String word() {
            StringBuilder w = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            return w.toString();
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }
    }
}
