package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dispatch.db.Database;
import dispatch.support.Browsing;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The meter of readers without an account (3 free articles a month, as it ships), whose month
 * rides in a cookie the site signs: only a cookie the site signed for this month counts, anything
 * else is a new reader's month, and reading costs the database nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class AnonymousMeterTest {
    private static final String MEMO = "/articles/gulf-mediators-oman-qatar-memo";
    private TestSite site;
    private List<String> free;
    private List<Long> ids;
    private MeterCookie signed;
    private String month;

    @BeforeAll
    void start() {
        // 127.0.0.1, where the test's requests come from, is trusted to say (X-Forwarded-Proto) when a
        // request came over HTTPS.
        site = TestSite.demoWith(Map.of("DISPATCH_TRUSTED_PROXIES", "127.0.0.1"));
        free = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 6")
            .mapTo(String.class).list());
        ids = free.stream().map(slug -> site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM articles WHERE slug = :s").bind("s", slug).mapTo(Long.class).one())).toList();
        // Offers a new key, as a node starting does, and gets the one the site made and uses.
        signed = MeterCookie.load(site.database(), Clock.systemUTC());
        month = YearMonth.now(ZoneOffset.UTC).toString();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private HttpResponse<String> read(int article, String cookie) {
        return site.get("/articles/" + free.get(article), "Cookie", "dispatch_meter=" + cookie);
    }

    private long[] articles(int... indexes) {
        return java.util.Arrays.stream(indexes).mapToLong(ids::get).sorted().toArray();
    }

    private static String meter(HttpResponse<String> response) {
        var note = Jsoup.parse(response.body()).selectFirst(".app-meter");
        return note == null ? null : note.text();
    }

    private static String given(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dispatch_meter="))
            .map(c -> c.substring("dispatch_meter=".length()).split(";")[0]).findFirst().orElse(null);
    }

    private static boolean gated(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).selectFirst(".app-paywall") != null;
    }

    @Test
    void the_month_a_signed_cookie_holds_is_what_counts() {
        var last = read(3, signed.write(month, articles(0, 1)));
        assertEquals("This is your last free article this month.", meter(last));
        assertEquals(signed.write(month, articles(0, 1, 3)), given(last), "the article is added, in order");

        var over = read(4, signed.write(month, articles(0, 1, 3)));
        assertTrue(gated(over), "three read: the fourth is gated");
        assertNull(given(over), "and nothing is counted");

        var again = read(1, signed.write(month, articles(0, 1, 3)));
        assertFalse(gated(again), "an article read this month opens again");
        assertNull(given(again), "without being counted twice");
    }

    @Test
    void any_cookie_the_site_did_not_sign_for_this_month_starts_a_new_readers_month() {
        String used = signed.write(month, articles(0, 1, 2));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String signature = used.substring(used.lastIndexOf('.') + 1);
        String flipped = used.substring(0, used.length() - 1) + (used.endsWith("A") ? "B" : "A");
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        cookies.put("signed with another key", new MeterCookie(otherKey).write(month, articles(0, 1, 2)));
        cookies.put("made up", month + "." + ids.get(0) + "_" + ids.get(1) + "_" + ids.get(2) + "." + "A".repeat(43));
        cookies.put("an article taken out", month + "." + ids.get(0) + "_" + ids.get(1) + "." + signature);
        cookies.put("signature changed", flipped);
        cookies.put("truncated", used.substring(0, used.length() - 5));
        cookies.put("no signature", used.substring(0, used.lastIndexOf('.')));
        String lastMonths = signed.write(YearMonth.parse(month).minusMonths(1).toString(), articles(0, 1, 2));
        cookies.put("last month's, dated this month", month + lastMonths.substring(month.length()));
        cookies.put("last month's", lastMonths);
        cookies.put("next month's", signed.write(YearMonth.parse(month).plusMonths(1).toString(), articles(0, 1, 2)));
        cookies.put("more articles than the allowance", signed.write(month, LongStream.rangeClosed(1, 4).toArray()));
        cookies.put("the same article thrice", signed.write(month, new long[] {ids.get(0), ids.get(0), ids.get(0)}));
        cookies.put("far more articles than the allowance", signed.write(month, LongStream.rangeClosed(1, 400).toArray()));
        cookies.put("over-long", "9".repeat(5000));
        cookies.put("dots only", "..");
        cookies.put("the month alone", month + ".");
        cookies.put("the old cookie's id", "bench0returning0reader0id");
        String fresh = signed.write(month, articles(4));
        cookies.forEach((what, cookie) -> {
            var response = read(4, cookie);
            assertEquals(200, response.statusCode(), what);
            assertFalse(gated(response), what);
            assertEquals("You have 2 free articles left this month.", meter(response), what);
            assertEquals(fresh, given(response), what + ": a new reader's cookie");
        });
        assertTrue(gated(read(4, used)), "while the cookie as signed does gate the fourth article");
    }

    @Test
    void a_members_only_article_is_gated_whatever_the_cookie_and_counts_nothing() {
        for (String cookie : List.of(signed.write(month, articles(0)), "forged")) {
            var memo = site.get(MEMO, "Cookie", "dispatch_meter=" + cookie);
            assertEquals(200, memo.statusCode());
            Document page = Jsoup.parse(memo.body());
            assertNotNull(page.selectFirst(".app-paywall"), cookie);
            assertNull(given(memo), "a members-only article uses up no free article");
        }
    }

    @Test
    void the_cookie_is_http_only_same_site_lax_for_a_year_and_secure_over_https() {
        var plain = read(5, "none");
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=31536000")
            && cookie.contains("Path=/") && !cookie.contains("Secure"), cookie);
        for (int i = 0; i < 2; i++) {  // rendered, then from the page cache
            var https = site.get("/articles/" + free.get(5), "X-Forwarded-Proto", "https");
            String secure = https.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(secure.startsWith("dispatch_meter=" + signed.write(month, articles(5)) + ";")
                && secure.contains("Secure") && secure.contains("HttpOnly"), secure);
        }
    }

    @Test
    void an_allowance_larger_than_a_cookie_holds_is_refused_at_start() {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> dispatch.Config.fromEnvironment(Map.of("DISPATCH_FREE_ARTICLES", "201")));
        assertEquals("DISPATCH_FREE_ARTICLES must be a number from 0 to 200, not \"201\"", refused.getMessage());
    }

    @Test
    void reading_articles_without_an_account_asks_the_database_nothing() {
        // Each version of each page rendered once (by an earlier reader), as on a site being read.
        Browsing earlier = new Browsing(site);
        for (int i = 0; i < 4; i++) {
            earlier.get("/articles/" + free.get(i));
        }
        earlier.get("/articles/" + free.get(0));
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        site.database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        try {
            Browsing reader = new Browsing(site);
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                var response = reader.get("/articles/" + free.get(i));
                assertEquals(200, response.statusCode());
                notes.add(gated(response) ? "gated" : meter(response));
            }
            notes.add(meter(reader.get("/articles/" + free.get(0))));
            assertEquals(List.of("You have 2 free articles left this month.", "You have 1 free article left this month.",
                "This is your last free article this month.", "gated", "This is your last free article this month."), notes);
            assertEquals(List.of(), statements, "within the meter, over it, and an article read again");

            site.get("/search?q=" + "ferries" + System.nanoTime());
            assertFalse(statements.isEmpty(), "while a page that does need the database is seen asking it");
        } finally {
            site.database().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }

    @Test
    void nodes_starting_together_on_postgresql_store_one_key_and_all_use_it() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "several nodes share one PostgreSQL");
        String url = TestDatabase.freshUrl();
        try (Database one = Database.open(url, "postgres", null); Database two = Database.open(url, "postgres", null)) {
            var pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                var first = pool.submit(() -> {
                    go.await();
                    return MeterCookie.load(one, Clock.systemUTC());
                });
                var second = pool.submit(() -> {
                    go.await();
                    return MeterCookie.load(two, Clock.systemUTC());
                });
                go.countDown();
                String cookie = first.get().write(month, new long[] {7});
                assertEquals(cookie, second.get().write(month, new long[] {7}), "one key");
                assertEquals(1, second.get().read(cookie, month, 3).length);
                assertEquals(1, (int) one.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM meter_key")
                    .mapTo(Integer.class).one()));
            } finally {
                pool.shutdown();
            }
        }
    }
}
