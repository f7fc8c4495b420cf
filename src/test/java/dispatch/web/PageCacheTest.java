package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** HTTP caching of public pages, and the in-process page cache behind it. */
@Tag("postgresql")
class PageCacheTest {
    private final TestSite site = TestSite.demo();

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private double pageCacheHits() {
        Matcher m = Pattern.compile("cache_gets_total\\{cache=\"pages\",result=\"hit\"} ([0-9.E]+)")
            .matcher(site.get("/metrics").body());
        assertTrue(m.find(), "page cache hits are in the metrics");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void anonymous_pages_may_be_cached_briefly_by_browsers_and_cdns_and_carry_validators() {
        HttpResponse<String> r = site.get("/about");
        assertEquals(200, r.statusCode());
        String policy = header(r, "Cache-Control");
        assertTrue(policy.startsWith("public, max-age=60, s-maxage=60"), policy);
        assertTrue(policy.contains("stale-while-revalidate="), policy);
        assertTrue(header(r, "ETag").matches("\"[A-Za-z0-9_-]{22}\""), header(r, "ETag"));
        assertFalse(header(r, "Last-Modified").isEmpty());
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Cookie")), r.headers().toString());
    }

    @Test
    void a_matching_etag_or_date_gets_304_without_a_body() {
        HttpResponse<String> first = site.get("/sections");
        String etag = header(first, "ETag");
        HttpResponse<String> again = site.get("/sections", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, header(again, "ETag"));
        assertTrue(header(again, "Cache-Control").startsWith("public"));
        assertEquals(200, site.get("/sections", "If-None-Match", "\"something-else\"").statusCode());

        HttpResponse<String> since = site.get("/sections", "If-Modified-Since", header(first, "Last-Modified"));
        assertEquals(304, since.statusCode());
        String before = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertEquals(200, site.get("/sections", "If-Modified-Since", before).statusCode());
        assertEquals(200, site.get("/sections", "If-Modified-Since", "not a date").statusCode());
    }

    @Test
    void the_compressed_page_revalidates_with_its_own_etag() {
        HttpResponse<byte[]> gzipped = site.getBytes("/topics", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(gzipped, "Content-Encoding"));
        String etag = header(gzipped, "ETag");
        HttpResponse<byte[]> again = site.getBytes("/topics", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertEquals(304, again.statusCode(), etag);
    }

    @Test
    void a_second_request_is_served_from_the_cache_with_the_same_bytes() {
        HttpResponse<String> first = site.get("/authors");
        double hits = pageCacheHits();
        HttpResponse<String> second = site.get("/authors");
        assertEquals(first.body(), second.body());
        assertEquals(header(first, "ETag"), header(second, "ETag"));
        assertTrue(pageCacheHits() >= hits + 1, "served from the page cache");
    }

    @Test
    void a_page_from_the_fast_path_has_the_same_headers_and_bytes_as_when_it_was_rendered() {
        for (String cookie : new String[] {"dispatch_other=1", "dispatch_prefs=theme%3Dcontrast"}) {
            String path = "/search?q=bridge&n=" + System.nanoTime();
            HttpResponse<String> rendered = site.get(path, "Cookie", cookie);
            HttpResponse<String> kept = site.get(path, "Cookie", cookie);
            var first = new java.util.TreeMap<>(rendered.headers().map());
            var second = new java.util.TreeMap<>(kept.headers().map());
            first.remove("date");
            second.remove("date");
            assertEquals(first, second, cookie);
            assertEquals(rendered.body(), kept.body());
        }
        double before = requestsCounted();
        site.get("/sections");
        site.get("/sections");
        assertEquals(before + 2, requestsCounted(), 0.001, "pages from the fast path are counted under their route");
    }

    private double requestsCounted() {
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{method=\"GET\",route=\"/sections/\\*\",status=\"200\"} ([0-9.E]+)")
            .matcher(site.get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void readers_with_preferences_get_their_own_page_kept_private() {
        HttpResponse<String> plain = site.get("/archive");
        HttpResponse<String> dark = site.get("/archive", "Cookie", "dispatch_prefs=size%3Dlarger%26theme%3Ddark");
        assertTrue(Jsoup.parse(dark.body()).selectFirst("html").className().contains("app-theme-dark"));
        assertFalse(Jsoup.parse(site.get("/archive").body()).selectFirst("html").className().contains("app-theme-dark"),
            "a reader's preferences never leak into another reader's page");
        assertNotEquals(header(plain, "ETag"), header(dark, "ETag"));
        assertEquals("private, no-cache", header(dark, "Cache-Control"));
    }

    @Test
    void signed_in_staff_and_forms_with_a_csrf_token_are_never_stored() {
        Browsing staff = new Browsing(site);
        assertEquals(303, staff.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        HttpResponse<String> front = staff.get("/");
        assertEquals("private, no-store", header(front, "Cache-Control"));
        assertTrue(header(front, "ETag").isEmpty(), "not from the page cache");
        assertEquals("private, no-store", header(staff.get("/newsroom"), "Cache-Control"));
        assertEquals("private, no-store", header(site.get("/preferences"), "Cache-Control"));
        assertEquals("private, no-store", header(site.get("/newsroom/sign-in"), "Cache-Control"));
    }

    @Test
    void feeds_keep_their_own_policy_and_get_validators() {
        HttpResponse<String> feed = site.get("/feeds/all.rss");
        assertEquals("public, max-age=300", header(feed, "Cache-Control"));
        assertEquals(304, site.get("/feeds/all.rss", "If-None-Match", header(feed, "ETag")).statusCode());
    }

    @Test
    void missing_pages_are_not_kept_and_head_requests_send_no_body() {
        assertEquals(404, site.get("/articles/not-here-" + System.nanoTime()).statusCode());
        site.get("/search?q=oil");
        HttpResponse<String> head = site.send("HEAD", "/search?q=oil");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertFalse(header(head, "ETag").isEmpty());
    }

    @Test
    void a_returning_readers_article_comes_from_the_cache_with_their_own_meter_cookie() {
        String slug = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 1 OFFSET 3")
            .mapTo(String.class).one());
        String other = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 1 OFFSET 4")
            .mapTo(String.class).one());
        // Two readers who have each read one other article this month: the same decision (one left after this).
        Browsing first = new Browsing(site);
        Browsing second = new Browsing(site);
        first.get("/articles/" + other);
        second.get("/articles/" + other);
        HttpResponse<String> rendered = first.get("/articles/" + slug);
        double hits = pageCacheHits();
        HttpResponse<String> kept = second.get("/articles/" + slug);
        assertTrue(pageCacheHits() >= hits + 1, "the second reader's page came from the page cache");
        assertEquals(rendered.body(), kept.body());
        assertFalse(kept.body().contains("class=\"app-paywall\""), "within the meter");
        assertEquals("private, no-cache", header(kept, "Cache-Control"));
        String firstCookie = header(rendered, "Set-Cookie");
        String secondCookie = header(kept, "Set-Cookie");
        assertTrue(secondCookie.startsWith("dispatch_meter="), secondCookie);
        assertTrue(secondCookie.contains("HttpOnly") && secondCookie.contains("SameSite=Lax"), secondCookie);
        // Both read the same two articles, so the cookies say the same; each got it with their own page.
        assertEquals(firstCookie.split(";")[0], secondCookie.split(";")[0]);
        assertEquals(List.of(secondCookie), kept.headers().allValues("Set-Cookie"), "one cookie: the reader's own");
    }

    private Browsing signedInReader(boolean member) {
        java.time.Clock clock = java.time.Clock.systemUTC();
        var accounts = new dispatch.account.Accounts(site.database(), clock, dispatch.account.Accounts.realPause());
        String email = (member ? "member-" : "reader-") + System.nanoTime() + "@example.org";
        String password = "page cache " + System.nanoTime();
        var user = new dispatch.account.ReaderAccounts(site.database(), accounts, clock)
            .register(email, "Cache reader", password).orElseThrow();
        if (member) {
            dispatch.membership.Membership[] built = new dispatch.membership.Membership[1];
            var gateway = new dispatch.membership.TestGateway(clock, () -> built[0]);
            var membership = built[0] = new dispatch.membership.Membership(site.database(), clock, gateway);
            var plan = membership.plans().get(0);
            membership.join(user, plan, site.url(""));
            gateway.pay(membership.current(user).orElseThrow(), plan);
        }
        Browsing reader = new Browsing(site);
        assertEquals(303, reader.post("/account/sign-in", Map.of("email", email, "password", password, "next", "/account"))
            .statusCode());
        return reader;
    }

    @Test
    void signed_in_readers_share_kept_pages_members_apart_and_their_reads_still_count() {
        Browsing one = signedInReader(false);
        Browsing two = signedInReader(false);
        Browsing member = signedInReader(true);
        HttpResponse<String> first = one.get("/topics");
        double hits = pageCacheHits();
        HttpResponse<String> second = two.get("/topics");
        assertTrue(pageCacheHits() >= hits + 1, "the second reader's page came from the page cache");
        assertEquals(first.body(), second.body());
        assertTrue(second.body().contains("href=\"/account\""), "the header offers their account");
        assertFalse(second.body().contains("href=\"/account/sign-in\""), "and not signing in");
        assertEquals("private, no-cache", header(second, "Cache-Control"));
        assertFalse(site.get("/topics").body().contains("href=\"/account\""), "anonymous readers get their own page");

        // Each signed-in read is counted, whether the page was rendered or kept.
        String slug = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at LIMIT 1")
            .mapTo(String.class).one());
        String other = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at LIMIT 1 OFFSET 1")
            .mapTo(String.class).one());
        String readOne = one.get("/articles/" + slug).body();
        String readTwo = two.get("/articles/" + slug).body();
        assertEquals(readOne, readTwo, "the same decision, the same kept page");
        String next = two.get("/articles/" + other).body();
        assertTrue(meterNote(readTwo).contains("4"), meterNote(readTwo));
        assertTrue(meterNote(next).contains("3"), "the second reader's first read was counted: " + meterNote(next));

        // Members get their own pages: their search finds members-only text, which a free reader's never shows.
        String query = "/search?q=the&n=" + System.nanoTime();
        String free = one.get(query).body();
        assertEquals(free, two.get(query).body());
        HttpResponse<String> members = member.get(query);
        assertEquals("private, no-store", header(members, "Cache-Control"), "a member's results are never kept");
        assertTrue(header(members, "ETag").isEmpty(), "nor answered from a free reader's kept page");
    }

    private static String meterNote(String page) {
        var note = Jsoup.parse(page).selectFirst(".app-meter");
        return note == null ? "(no meter note)" : note.text();
    }

    @Test
    void many_readers_asking_for_a_page_nobody_has_yet_get_it_rendered_once() throws Exception {
        List<String> statements = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        site.database().jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            site.get("/search?q=ferries&n=" + System.nanoTime());
            int oneRender = statements.size();
            assertTrue(oneRender > 0, "a search asks the database");
            statements.clear();

            String path = "/search?q=ferries&n=" + System.nanoTime();
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return site.get(path);
                }));
            }
            start.countDown();
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (var answer : answers) {
                assertEquals(200, answer.get().statusCode());
                bodies.add(answer.get().body());
            }
            assertEquals(1, bodies.size(), "every reader got the same page");
            assertEquals(oneRender, statements.size(), "sixteen readers at once cost one render's queries");
        } finally {
            pool.shutdownNow();
            site.database().jdbi().setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
        }
    }

    @Test
    void after_an_edit_in_the_newsroom_readers_see_the_change_at_once() {
        TestSite newsroom = TestSite.newsroom();
        String slug = newsroom.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published' AND id NOT IN (SELECT article_id FROM corrections) LIMIT 1")
            .mapTo(String.class).one());
        long id = newsroom.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE slug = :s")
            .bind("s", slug).mapTo(Long.class).one());
        String before = newsroom.get("/articles/" + slug).body();
        assertEquals(before, newsroom.get("/articles/" + slug).body(), "kept in the cache");

        Browsing editor = new Browsing(newsroom);
        assertEquals(303, editor.signIn("editor@meridian-east.example", newsroom.password("editor@meridian-east.example")).statusCode());
        assertEquals(303, editor.post("/newsroom/articles/" + id, List.of(Map.entry("action", "correct"),
            Map.entry("correction", "An earlier version misnamed the city."))).statusCode());

        String after = newsroom.get("/articles/" + slug).body();
        assertTrue(after.contains("An earlier version misnamed the city."), "the cached page was dropped");
    }
}
