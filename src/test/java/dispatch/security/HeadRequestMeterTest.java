package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Only an article really read counts against the meter (3 a month, as it ships): a HEAD never
 * does, nor a browser's prefetch, and neither hands a new reader the meter's cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class HeadRequestMeterTest {
    private static final String MEMO = "/articles/gulf-mediators-oman-qatar-memo";
    private TestSite site;
    private List<String> free;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        free = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT '/articles/' || slug FROM articles WHERE access = 'free' AND status = 'published'"
                + " ORDER BY published_at DESC LIMIT 8").mapTo(String.class).list());
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private static String meter(Browsing reader, String path) {
        var note = reader.page(path).selectFirst(".app-meter");
        return note == null ? null : note.text();
    }

    @Test
    void three_heads_leave_the_meter_as_it_was() {
        Browsing reader = new Browsing(site);
        reader.get(free.get(0));
        assertEquals("You have 1 free article left this month.", meter(reader, free.get(1)));
        String month = reader.cookie("dispatch_meter").orElseThrow();

        for (String path : free.subList(2, 5)) {
            var head = reader.request("HEAD", path);
            assertEquals(200, head.statusCode(), path);
            assertTrue(head.headers().allValues("Set-Cookie").isEmpty(), "a HEAD sets no cookie");
        }
        assertEquals(month, reader.cookie("dispatch_meter").orElseThrow(), "nothing counted");
        assertEquals("This is your last free article this month.", meter(reader, free.get(5)),
            "the third article read is the third counted");
        assertNotNull(reader.page(free.get(2)).selectFirst(".app-paywall"),
            "an article only asked for with HEAD was never read: the meter is used up now");
    }

    @Test
    void a_head_gives_a_new_reader_no_meter_cookie_whether_the_page_is_kept_or_not() {
        String path = free.get(6);
        var before = site.send("HEAD", path);
        assertEquals(200, before.statusCode());
        assertTrue(before.headers().allValues("Set-Cookie").isEmpty(), "rendered for the HEAD");
        assertTrue(site.get(path).headers().firstValue("Set-Cookie").orElseThrow().startsWith("dispatch_meter="),
            "a read gives the cookie, and the page is kept");
        var kept = site.send("HEAD", path);
        assertEquals(200, kept.statusCode());
        assertTrue(kept.headers().allValues("Set-Cookie").isEmpty(), "answered from the page cache");
    }

    @Test
    void a_prefetch_of_an_article_within_the_meter_is_declined_and_counts_nothing() {
        Browsing reader = new Browsing(site);
        reader.get(free.get(0));
        reader.get(free.get(1));
        String month = reader.cookie("dispatch_meter").orElseThrow();
        for (String[] header : List.of(new String[] {"Sec-Purpose", "prefetch"},
                new String[] {"Sec-Purpose", "prefetch;prerender"}, new String[] {"Purpose", "prefetch"})) {
            var prefetch = reader.request("GET", free.get(2), header);
            assertEquals(503, prefetch.statusCode(), header[0] + ": " + header[1]);
            assertFalse(prefetch.body().contains("app-article__body"), "no article in a declined prefetch");
            assertTrue(prefetch.headers().allValues("Set-Cookie").isEmpty());
        }
        assertEquals(month, reader.cookie("dispatch_meter").orElseThrow(), "nothing counted");
        assertEquals("This is your last free article this month.", meter(reader, free.get(2)),
            "the prefetched article is the third counted when it is read");

        var newReader = site.get(free.get(7), "Sec-Purpose", "prefetch");
        assertEquals(503, newReader.statusCode(), "not the kept page of new readers either");
        assertTrue(newReader.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void a_prefetch_that_would_count_nothing_gets_the_page_as_the_reader_would() {
        var memo = site.get(MEMO, "Sec-Purpose", "prefetch");
        assertEquals(200, memo.statusCode(), "members-only: the gate, which counts nothing");
        assertNotNull(Jsoup.parse(memo.body()).selectFirst(".app-paywall"));
        assertTrue(memo.headers().allValues("Set-Cookie").isEmpty());

        Browsing member = dispatch.support.MailBox.member(site, "Mo Member", "mo@example.org", "mo's long password");
        var forMember = member.request("GET", MEMO, "Sec-Purpose", "prefetch");
        assertEquals(200, forMember.statusCode());
        assertNull(Jsoup.parse(forMember.body()).selectFirst(".app-paywall"), "a member reads everything");
    }
}
