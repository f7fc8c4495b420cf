package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.membership.Plan;
import dispatch.membership.PlanDao;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.Currency;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Administrators set what membership costs; readers see the new terms at once. The tests share a
 * site of their own, whose plans are put back as they ship before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class PlansServletTest {
    private final TestSite site = TestSite.demoWith(Map.of("DISPATCH_FREE_ARTICLES", "200"));

    @AfterAll
    void stop() {
        site.close();
    }

    @BeforeEach
    void plansAsTheyShip() {
        Browsing admin = admin();
        assertEquals(303, admin.post("/newsroom/plans/annual", Map.of("name", "Annual membership", "price", "100",
            "currency", "USD", "period", "12", "offered", "yes", "default", "yes")).statusCode());
        assertEquals(303, admin.post("/newsroom/plans/monthly", Map.of("name", "Monthly membership", "price", "10",
            "currency", "USD", "period", "1")).statusCode());
    }

    private Browsing admin() {
        Browsing browser = new Browsing(site);
        assertEquals(303, browser.signIn("admin@meridian-east.example", site.password("admin@meridian-east.example")).statusCode());
        return browser;
    }

    private Plan plan(String code) {
        return site.database().dao(PlanDao.class).find(code).orElseThrow();
    }

    @Test
    void a_new_price_reaches_the_membership_page_and_the_offer_under_every_article() {
        String article = "/articles/" + site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published' AND kind = 'news' ORDER BY published_at DESC LIMIT 1")
            .mapTo(String.class).one());
        assertTrue(new Browsing(site).page(article).selectFirst(".app-offer").text().contains("$100 a year"));

        Browsing admin = admin();
        Document form = admin.page("/newsroom/plans/annual");
        assertEquals("100.00", form.selectFirst("#price").val());
        var saved = admin.post("/newsroom/plans/annual", Map.of("name", "Annual membership", "price", "120,50",
            "currency", "EUR", "period", "12", "offered", "yes", "default", "yes"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(12050, plan("annual").priceMinor());
        assertEquals("EUR", plan("annual").currency());

        Document list = admin.page("/newsroom/plans?done=saved");
        assertTrue(list.selectFirst(".app-notice").text().contains("The plan is saved"));
        assertTrue(list.selectFirst("table").text().contains("Annual membership"));
        assertTrue(new Browsing(site).page("/membership").text().contains("€120.50 a year"));
        assertTrue(new Browsing(site).page(article).selectFirst(".app-offer").text().contains("€120.50 a year"),
            "the cached article is rendered again with the new price");
        assertTrue(admin.page("/newsroom/activity").text().contains("plan.change"), "the change is in the activity log");
    }

    @Test
    void a_plan_put_on_offer_as_the_default_is_offered_first_with_its_own_period() {
        Browsing admin = admin();
        assertEquals(303, admin.post("/newsroom/plans/monthly", Map.of("name", "Quarterly membership", "price", "30",
            "currency", "USD", "period", "3", "offered", "yes", "default", "yes")).statusCode());
        Document membership = new Browsing(site).page("/membership");
        String text = membership.text();
        assertTrue(text.contains("$30 every 3 months"), text);
        assertTrue(text.indexOf("Quarterly membership") < text.indexOf("Annual membership"), "the default comes first");
    }

    @Test
    void wrong_input_is_shown_again_with_what_to_fix_and_nothing_changes() {
        Browsing admin = admin();
        var refused = admin.post("/newsroom/plans/annual", Map.of("name", " ", "price", "ten dollars",
            "currency", "XYZ", "period", "7", "offered", "yes"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.title().startsWith("Error: "));
        String summary = page.selectFirst(".app-error-summary").text();
        for (String expected : new String[] {"Enter the plan's name", "Choose a currency", "Enter the price",
                                             "Choose how long one payment lasts"}) {
            assertTrue(summary.contains(expected), summary);
        }
        assertEquals("ten dollars", page.selectFirst("#price").val(), "what was typed is kept");
        assertEquals(10000, plan("annual").priceMinor());
        assertEquals("USD", plan("annual").currency());
    }

    @Test
    void the_only_plan_on_offer_cannot_be_withdrawn_and_the_default_must_be_on_offer() {
        Browsing admin = admin();
        var last = admin.post("/newsroom/plans/annual", Map.of("name", "Annual membership", "price", "100",
            "currency", "USD", "period", "12"));
        assertEquals(422, last.statusCode());
        assertTrue(Jsoup.parse(last.body()).selectFirst(".app-error-summary").text().contains("only plan on offer"));
        var hidden = admin.post("/newsroom/plans/monthly", Map.of("name", "Monthly membership", "price", "10",
            "currency", "USD", "period", "1", "default", "yes"));
        assertEquals(422, hidden.statusCode());
        assertTrue(plan("annual").active());
    }

    @Test
    void only_administrators_set_prices() {
        Browsing editor = EditorServletTest.editor(site);
        assertEquals(403, editor.get("/newsroom/plans").statusCode());
        assertEquals(403, editor.post("/newsroom/plans/annual", Map.of("name", "Cheap", "price", "1",
            "currency", "USD", "period", "12", "offered", "yes")).statusCode());
        assertEquals(10000, plan("annual").priceMinor());
        assertEquals(404, admin().get("/newsroom/plans/lifetime").statusCode());
    }

    @Test
    void prices_are_read_in_the_currency_s_own_minor_unit() {
        Currency usd = Currency.getInstance("USD");
        assertEquals(10000L, PlansServlet.priceMinor("100", usd));
        assertEquals(10050L, PlansServlet.priceMinor("100,5", usd));
        assertEquals(10050L, PlansServlet.priceMinor("100.50", usd));
        assertNull(PlansServlet.priceMinor("100.005", usd));
        assertNull(PlansServlet.priceMinor("0", usd));
        assertNull(PlansServlet.priceMinor("-5", usd));
        assertNull(PlansServlet.priceMinor("", usd));
        assertEquals(100L, PlansServlet.priceMinor("100", Currency.getInstance("JPY")));
        assertNull(PlansServlet.priceMinor("100.5", Currency.getInstance("JPY")));
        assertEquals(100500L, PlansServlet.priceMinor("100.5", Currency.getInstance("JOD")), "three decimals");
    }
}
