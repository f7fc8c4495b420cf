package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gate, with the meter as it ships (3 free articles a month without an account, 5 with
 * one): what a reader who may not read on is sent, and what is never sent to them, in every
 * output that carries article text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class PaywallTest {
    private static final String MEMO = "/articles/gulf-mediators-oman-qatar-memo";
    private TestSite site;
    private List<String> free;
    private String memoLastParagraph;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        free = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 7")
            .mapTo(String.class).list());
        String body = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_html FROM articles WHERE slug = 'gulf-mediators-oman-qatar-memo'").mapTo(String.class).one());
        List<String> paragraphs = Jsoup.parseBodyFragment(body).select("body > p").eachText();
        memoLastParagraph = paragraphs.get(paragraphs.size() - 1);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private static String meter(Document page) {
        Element note = page.selectFirst(".app-meter");
        return note == null ? null : note.text();
    }

    @Test
    void three_free_articles_then_the_gate_in_the_page_flow_with_a_level_two_heading() {
        Browsing reader = new Browsing(site);
        assertEquals("You have 2 free articles left this month.", meter(reader.page("/articles/" + free.get(0))));
        assertEquals("You have 1 free article left this month.", meter(reader.page("/articles/" + free.get(1))));
        Document third = reader.page("/articles/" + free.get(2));
        assertEquals("This is your last free article this month.", meter(third));
        assertNull(third.selectFirst(".app-paywall"));
        assertNotNull(third.selectFirst(".app-offer"), "readers who are not members still see the offer");

        Document fourth = reader.page("/articles/" + free.get(3));
        Element gate = fourth.selectFirst("main section.app-paywall");
        assertNotNull(gate, "the fourth article is gated");
        Element heading = gate.selectFirst("h2");
        assertEquals("Continue reading with membership", heading.text());
        assertEquals(heading.id(), gate.attr("aria-labelledby"));
        assertTrue(gate.text().contains("You have read your 3 free articles this month"), gate.text());
        assertTrue(gate.text().contains("$100 a year"), gate.text());
        assertEquals(1, fourth.select("h1").size());
        assertNotNull(gate.selectFirst("a[href=/membership]"));
        assertNotNull(gate.selectFirst("a[href^=/account/sign-in?next=]"));
        assertNull(fourth.selectFirst(".app-offer"), "the offer is not said twice");
        assertTrue(fourth.select(".app-article__body > p").size() <= Paywall.FREE_PARAGRAPHS);
        assertNotNull(fourth.selectFirst(".app-article__standfirst"));

        // Opening an article already read this month costs nothing.
        assertNull(reader.page("/articles/" + free.get(0)).selectFirst(".app-paywall"));
    }

    @Test
    void a_reader_without_an_account_carries_their_month_in_the_cookie_and_nothing_is_written() {
        java.util.function.IntSupplier allReads = () -> site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM meter_reads").mapTo(Integer.class).one());
        int before = allReads.getAsInt();
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Browsing reader = new Browsing(site);
        reader.get("/articles/" + free.get(0));
        String first = reader.cookie("dispatch_meter").orElseThrow();
        assertTrue(first.matches(month + "\\.[0-9]+\\.[A-Za-z0-9_-]{43}"), "this month, one article, signed: " + first);

        assertEquals("You have 1 free article left this month.", meter(reader.page("/articles/" + free.get(1))));
        String second = reader.cookie("dispatch_meter").orElseThrow();
        assertTrue(second.matches(month + "\\.[0-9]+_[0-9]+\\.[A-Za-z0-9_-]{43}"), "both articles: " + second);
        assertEquals(before, allReads.getAsInt(), "nothing written for a reader without an account");

        assertEquals("You have 1 free article left this month.", meter(reader.page("/articles/" + free.get(0))),
            "the first article again: free, and not counted twice");
        assertEquals(second, reader.cookie("dispatch_meter").orElseThrow());
    }

    @Test
    void new_readers_of_one_story_get_one_render_and_the_same_cookie_and_returning_readers_their_own_count() {
        String path = "/articles/" + free.get(3);
        var first = site.get(path);
        var second = site.get(path);
        assertEquals(200, second.statusCode());
        assertEquals(first.body(), second.body());
        String cookie = second.headers().firstValue("Set-Cookie").orElseThrow();
        assertEquals(first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0], cookie.split(";")[0]);
        long id = site.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE slug = :s")
            .bind("s", free.get(3)).mapTo(Long.class).one());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(cookie.startsWith("dispatch_meter=" + month + "." + id + ".") && cookie.contains("Max-Age=31536000")
            && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals("private, no-cache", second.headers().firstValue("Cache-Control").orElseThrow(),
            "kept here, never by a shared cache");
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"), "one render, kept");

        Browsing returning = new Browsing(site);
        for (int i = 0; i < 3; i++) {
            returning.get("/articles/" + free.get(i));
        }
        Document gated = returning.page(path);
        assertNotNull(gated.selectFirst(".app-paywall"), "a returning reader's own count decides, not the kept page");
    }

    @Test
    void a_gated_article_sends_none_of_the_held_back_paragraphs() {
        String slug = free.get(4);
        String body = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_html FROM articles WHERE slug = :s").bind("s", slug).mapTo(String.class).one());
        List<String> paragraphs = Jsoup.parseBodyFragment(body).select("body > p").eachText();
        Browsing reader = new Browsing(site);
        for (int i = 0; i < 3; i++) {
            reader.get("/articles/" + free.get(i));
        }
        String html = reader.get("/articles/" + slug).body();
        assertTrue(html.contains("app-paywall"));
        for (String held : paragraphs.subList(Paywall.FREE_PARAGRAPHS, paragraphs.size())) {
            assertFalse(Jsoup.parse(html).text().contains(held), "held back: " + held);
        }
    }

    @Test
    void members_only_paragraphs_reach_no_reader_who_is_not_entitled_in_any_output() throws Exception {
        Browsing reader = new Browsing(site);
        String page = reader.get(MEMO).body();
        Document doc = Jsoup.parse(page);
        assertTrue(doc.selectFirst(".app-paywall").text().contains("This memo is for members"));
        assertFalse(doc.text().contains(memoLastParagraph), "the page");
        assertFalse(page.contains(memoLastParagraph));
        var jsonLd = new ObjectMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertFalse(jsonLd.get("isAccessibleForFree").asBoolean());
        assertEquals("." + Paywall.GATED_PART, jsonLd.get("hasPart").get("cssSelector").asText());
        assertFalse(jsonLd.toString().contains(memoLastParagraph), "the structured data");
        for (String feed : List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/sections/gulf.rss")) {
            assertFalse(site.get(feed).body().contains(memoLastParagraph), feed);
        }
        String standfirst = doc.selectFirst(".app-article__standfirst").text();
        Document results = Jsoup.parse(site.get("/search?q=Oman+Qatar+mediators").body());
        Element result = results.selectFirst(".app-search-results a[href=" + MEMO + "]").closest("li");
        assertEquals(standfirst, result.selectFirst(".app-card__standfirst").text(), "search shows the standfirst only");
        // A members-only article is not metered: it does not use up a free article.
        assertNull(meter(doc));
    }

    @Test
    void a_free_account_reads_five_and_a_member_reads_everything_without_a_gate_or_an_offer() {
        Browsing reader = dispatch.support.MailBox.registered(site, "Ada Reader", "ada@example.org", "a long enough password");
        assertEquals("You have 4 free articles left this month.", meter(reader.page("/articles/" + free.get(0))));
        for (int i = 1; i < 5; i++) {
            assertNull(reader.page("/articles/" + free.get(i)).selectFirst(".app-paywall"), "article " + (i + 1));
        }
        assertNotNull(reader.page("/articles/" + free.get(5)).selectFirst(".app-paywall"), "the sixth is gated");

        // Join through the test gateway (the address was confirmed from the link in the outbox).
        var join = reader.post("/membership/join", Map.of("plan", "annual"));
        assertEquals(303, join.statusCode());
        String checkout = join.headers().firstValue("Location").orElseThrow();
        assertTrue(checkout.startsWith("/membership/test-checkout/"), checkout);
        Document checkoutPage = reader.page(checkout);
        assertTrue(checkoutPage.text().contains("no money moves"), "test mode says so");
        assertEquals(303, reader.post(checkout, Map.of()).statusCode());

        Document memo = reader.page(MEMO);
        assertNull(memo.selectFirst(".app-paywall"));
        assertTrue(memo.text().contains(memoLastParagraph));
        assertNull(memo.selectFirst(".app-offer"), "no offer to a member");
        assertEquals("You are reading as a member.", meter(memo), "why the memo is all there");
        Document other = reader.page("/articles/" + free.get(6));
        assertNull(other.selectFirst(".app-paywall"));
        assertNull(meter(other), "no count of free articles for a member");
        assertNotNull(memo.selectFirst(".app-article__body ." + Paywall.GATED_PART), "the held-back part is named for machines");
    }
}
