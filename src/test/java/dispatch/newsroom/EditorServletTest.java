package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Writing, checking, publishing, correcting and revising articles in the newsroom. */
@Tag("postgresql")
class EditorServletTest {
    private final TestSite site = TestSite.newsroom();

    static Browsing editor(TestSite site) {
        Browsing browser = new Browsing(site);
        assertEquals(303, browser.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        return browser;
    }

    private long id(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private int count(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** A complete, valid article form. */
    private List<Map.Entry<String, String>> article(String headline, String body, String leadImage, String action) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(
            Map.entry("headline", headline), Map.entry("standfirst", "What the piece tells readers, in a sentence."),
            Map.entry("kind", "news"), Map.entry("section", String.valueOf(id("SELECT id FROM sections WHERE slug = 'turkey'"))),
            Map.entry("authors", String.valueOf(id("SELECT id FROM authors WHERE slug = 'emre-kaya'"))),
            Map.entry("topics", String.valueOf(id("SELECT id FROM topics WHERE slug = 'economy'"))),
            Map.entry("dateline", "Istanbul"), Map.entry("language", "en"), Map.entry("access", "free"),
            Map.entry("body", body), Map.entry("lead-image", leadImage), Map.entry("action", action)));
        return f;
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long savedId(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
    }

    @Test
    void publishing_an_image_without_alt_text_is_stopped_with_a_linked_explanation_then_succeeds_once_fixed()
            throws Exception {
        Browsing browser = editor(site);
        HttpResponse<String> upload = browser.upload("/newsroom/images", "file", "Bridge at night.png", png(1000, 600),
            Map.of("alt", "", "caption", "A bridge.", "credit", "Illustration: test"));
        assertEquals(303, upload.statusCode(), upload.body());
        long image = Long.parseLong(upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/images/(\\d+).*", "$1"));

        var fields = article("Bridge reopens after repairs", "The bridge reopened on Monday.\n\nTraffic is light.",
            String.valueOf(image), "publish");
        HttpResponse<String> refused = browser.post("/newsroom/articles/new", fields);
        assertEquals(422, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.title().startsWith("Error: "));
        var link = doc.selectFirst(".app-error-summary a[href=#lead-image]");
        assertNotNull(link, "the error summary links to the lead image field");
        assertTrue(doc.selectFirst(".app-finding--error").text().contains("Why it matters"));
        assertEquals("The bridge reopened on Monday.\n\nTraffic is light.", doc.selectFirst("textarea#body").text(),
            "everything typed is shown again");
        assertEquals(0, count("SELECT COUNT(*) FROM articles WHERE headline = 'Bridge reopens after repairs'"));

        assertEquals(303, browser.post("/newsroom/images/" + image, Map.of(
            "alt", "An orange rectangle standing in for a photograph of the bridge", "caption", "A bridge.",
            "credit", "Illustration: test")).statusCode());
        HttpResponse<String> published = browser.post("/newsroom/articles/new", fields);
        assertEquals(303, published.statusCode(), published.body());
        assertTrue(published.headers().firstValue("Location").orElse("").endsWith("?done=published"));

        Document live = Jsoup.parse(site.get("/articles/bridge-reopens-after-repairs").body());
        assertEquals("Bridge reopens after repairs", live.selectFirst("h1").text());
        assertEquals("An orange rectangle standing in for a photograph of the bridge",
            live.selectFirst("figure img").attr("alt"));
    }

    @Test
    void a_form_with_missing_fields_is_shown_again_with_everything_typed_and_each_error_by_its_field() {
        Browsing browser = editor(site);
        HttpResponse<String> r = browser.post("/newsroom/articles/new", List.of(
            Map.entry("headline", ""), Map.entry("body", "Some text I typed."), Map.entry("language", "English"),
            Map.entry("kind", "news"), Map.entry("access", "free"), Map.entry("action", "save")));
        assertEquals(422, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        List<String> links = doc.select(".app-error-summary a").eachAttr("href");
        assertTrue(links.containsAll(List.of("#headline", "#section", "#authors", "#language")), links.toString());
        assertEquals("Some text I typed.", doc.selectFirst("textarea#body").text());
        assertEquals("English", doc.selectFirst("input#language").val());
        assertNotNull(doc.selectFirst("#headline-error"));
        assertEquals("headline-hint headline-error", doc.selectFirst("input#headline").attr("aria-describedby"));
    }

    @Test
    void a_second_editor_saving_a_stale_copy_is_refused_and_keeps_their_text() {
        Browsing first = editor(site);
        Browsing second = editor(site);
        long id = savedId(first.post("/newsroom/articles/new",
            article("Shared draft about ferries", "First version.", "", "save")));
        String version = first.page("/newsroom/articles/" + id).selectFirst("input[name=version]").val();

        var mine = article("Shared draft about ferries", "The first editor's words.", "", "save");
        mine.add(Map.entry("version", version));
        assertEquals(303, first.post("/newsroom/articles/" + id, mine).statusCode());

        var theirs = article("Shared draft about ferries", "The second editor's words.", "", "save");
        theirs.add(Map.entry("version", version));
        HttpResponse<String> refused = second.post("/newsroom/articles/" + id, theirs);
        assertEquals(409, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst(".app-error-summary").text().contains("Someone else saved this article"));
        assertEquals("The second editor's words.", doc.selectFirst("textarea#body").text());
        assertEquals("The first editor's words.", site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_markdown FROM articles WHERE id = :id").bind("id", id).mapTo(String.class).one()));
    }

    @Test
    void corrections_updates_and_revisions_are_kept_and_an_old_revision_can_be_restored() {
        Browsing browser = editor(site);
        long id = savedId(browser.post("/newsroom/articles/new",
            article("Port strike ends after a week", "Dockers returned to work on Friday.", "", "publish")));
        String version = browser.page("/newsroom/articles/" + id).selectFirst("input[name=version]").val();
        var edit = article("Port strike ends after a week", "Dockers returned to work on Thursday.", "", "publish");
        edit.add(Map.entry("version", version));
        edit.add(Map.entry("updated", "yes"));
        assertEquals(303, browser.post("/newsroom/articles/" + id, edit).statusCode());
        assertEquals(303, browser.post("/newsroom/articles/" + id, List.of(Map.entry("action", "correct"),
            Map.entry("correction", "An earlier version gave the wrong day of the return."))).statusCode());

        Document live = Jsoup.parse(site.get("/articles/port-strike-ends-after-a-week").body());
        assertTrue(live.selectFirst("section[aria-labelledby=corrections-heading]").text()
            .contains("An earlier version gave the wrong day of the return."));
        assertTrue(live.selectFirst(".app-byline").text().contains("Updated"), "marked as updated");

        Document history = browser.page("/newsroom/articles/" + id + "/revisions");
        assertEquals(2, history.select("tbody tr").size());
        Document compare = browser.page("/newsroom/articles/" + id + "/revisions/compare?from=1&to=2");
        assertEquals("removed: Friday", compare.selectFirst("del").text());
        assertEquals("added: Thursday", compare.selectFirst("ins").text());

        assertEquals(303, browser.post("/newsroom/articles/" + id + "/revisions/1/restore", Map.of()).statusCode());
        assertEquals("Dockers returned to work on Friday.", site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_markdown FROM articles WHERE id = :id").bind("id", id).mapTo(String.class).one()));
        assertEquals(3, browser.page("/newsroom/articles/" + id + "/revisions").select("tbody tr").size());
    }

    @Test
    void preview_shows_the_article_as_readers_will_see_it_without_saving() {
        Browsing browser = editor(site);
        HttpResponse<String> r = browser.post("/newsroom/articles/new",
            article("A headline only seen in preview", "## A section\n\nSome words.", "", "preview"));
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertEquals("A headline only seen in preview", doc.selectFirst("main article h1").text());
        assertEquals("A section", doc.selectFirst("main article h2").text());
        assertEquals("A headline only seen in preview", doc.selectFirst(".app-preview input[name=headline]").val());
        assertEquals(0, count("SELECT COUNT(*) FROM articles WHERE headline = 'A headline only seen in preview'"));
    }

    @Test
    void warnings_must_be_acknowledged_before_publishing() {
        Browsing browser = editor(site);
        var fields = article("Clinic opens in the old town", "For opening hours [click here](https://example.org/hours).", "", "publish");
        HttpResponse<String> r = browser.post("/newsroom/articles/new", fields);
        assertEquals(422, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertNotNull(page.selectFirst(".app-error-summary a[href=#acknowledge]"));
        // Only a warning stops it: the first words read say so, and agree in number.
        assertTrue(page.title().startsWith("Warning: "), page.title());
        assertEquals("There is a warning to check", page.selectFirst(".app-error-summary__title").text());
        assertEquals("Warning:", page.selectFirst("#acknowledge-error .app-visually-hidden").text());
        fields.add(Map.entry("acknowledge", "yes"));
        assertEquals(303, browser.post("/newsroom/articles/new", fields).statusCode());
    }

    @Test
    void an_error_among_the_warnings_keeps_the_page_an_error_page() {
        Browsing browser = editor(site);
        var fields = article("Clinic opens in the new town", "# A second main heading\n\nFor hours [click here](https://example.org/h).",
            "", "publish");
        HttpResponse<String> r = browser.post("/newsroom/articles/new", fields);
        assertEquals(422, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertEquals("There is a problem", page.selectFirst(".app-error-summary__title").text());
    }

    @Test
    void contributors_can_save_drafts_but_not_publish() {
        Browsing writer = new Browsing(site);
        writer.signIn("writer@meridian-east.example", site.password("writer@meridian-east.example"));
        HttpResponse<String> r = writer.post("/newsroom/articles/new",
            article("A contributor's draft", "Words.", "", "publish"));
        assertEquals(403, r.statusCode(), "refused for the role, with the form and its text kept");
        assertTrue(Jsoup.parse(r.body()).selectFirst(".app-error-summary").text().contains("Only editors can publish"));
        assertFalse(Jsoup.parse(writer.get("/newsroom/articles/new").body()).select("button[value=publish]").size() > 0);
        assertEquals(303, writer.post("/newsroom/articles/new", article("A contributor's draft", "Words.", "", "save"))
            .statusCode());
    }

    @Test
    void a_scheduled_article_stays_hidden_until_its_time_and_an_unpublished_one_disappears() {
        Browsing browser = editor(site);
        var scheduled = article("Election commission sets a date", "The vote will be held in spring.", "", "schedule");
        scheduled.add(Map.entry("publish-at", "2099-01-01T09:30"));
        long id = savedId(browser.post("/newsroom/articles/new", scheduled));
        assertEquals("Scheduled", browser.page("/newsroom/articles/" + id).selectFirst(".app-editor__state strong").text());
        assertEquals(404, site.get("/articles/election-commission-sets-a-date").statusCode());

        var past = article("Election commission sets a date", "The vote will be held in spring.", "", "schedule");
        past.add(Map.entry("publish-at", "2001-01-01T09:30"));
        past.add(Map.entry("version", browser.page("/newsroom/articles/" + id).selectFirst("input[name=version]").val()));
        assertNotNull(Jsoup.parse(browser.post("/newsroom/articles/" + id, past).body())
            .selectFirst(".app-error-summary a[href=#publish-at]"), "a time in the past is refused");

        long live = savedId(browser.post("/newsroom/articles/new",
            article("Museum reopens its doors", "Visitors returned on Saturday.", "", "publish")));
        assertEquals(200, site.get("/articles/museum-reopens-its-doors").statusCode());
        var off = article("Museum reopens its doors", "Visitors returned on Saturday.", "", "unpublish");
        off.add(Map.entry("version", browser.page("/newsroom/articles/" + live).selectFirst("input[name=version]").val()));
        assertEquals(303, browser.post("/newsroom/articles/" + live, off).statusCode());
        assertEquals(404, site.get("/articles/museum-reopens-its-doors").statusCode());
    }
}
