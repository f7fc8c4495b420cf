package dispatch.security;

import static dispatch.security.Newsroom.article;
import static dispatch.security.Newsroom.one;
import static dispatch.security.Newsroom.savedId;
import static dispatch.security.Newsroom.version;
import static dispatch.security.Newsroom.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.security.People.Who;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outside tester's findings, replayed: a contributor's save or restore on a published
 * article changed the public page at once (even turning a members-only article free), and the
 * checks that stop Publish did not run on a save, a restore, a correction or an image's
 * description. Each is checked where readers are: on the public page, over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class LiveArticleRulesTest {
    private static final String SKIPPED_HEADING = "Opening words.\n\n## What happened\n\nWords.\n\n#### A detail\n\nMore words.";
    private final TestSite site = TestSite.newsroom();
    private People people;
    private Browsing editor;
    private Browsing contributor;

    @BeforeAll
    void start() {
        people = new People(site);
        editor = people.browser(Who.EDITOR);
        contributor = people.browser(Who.CONTRIBUTOR);
    }

    private String slug(long id) {
        return one(site, "SELECT slug FROM articles WHERE id = " + id);
    }

    /** The public page as someone with no account gets it. */
    private Document publicPage(long id) {
        HttpResponse<String> page = site.get("/articles/" + slug(id));
        assertEquals(200, page.statusCode());
        return Jsoup.parse(page.body());
    }

    /** Every field of the article form on an editor page, as the browser would send it. */
    private static List<Map.Entry<String, String>> fields(Document page, String action) {
        return Browsing.fields(page.selectFirst("form.app-editor"), action);
    }

    private long membersOnly(String headline, String body) {
        return savedId(editor.post("/newsroom/articles/new",
            with(article(site, headline, body, "publish"), "access", "members")));
    }

    @Test
    void a_contributors_save_on_a_members_only_article_leaves_the_public_page_as_it_was_until_an_editor_publishes_it() {
        long id = membersOnly("Ministers meet on the water deal " + System.nanoTime(), "The members' own analysis.");
        assertNotNull(publicPage(id).selectFirst(".app-paywall"), "members only, to begin with");

        Document form = contributor.page("/newsroom/articles/" + id);
        assertEquals("Save changes for review", form.selectFirst("button[value=save]").text());
        var changed = with(with(fields(form, "save"), "access", "free"), "body", "Everyone may read this now.");
        HttpResponse<String> saved = contributor.post("/newsroom/articles/" + id, changed);
        assertEquals(303, saved.statusCode(), saved.body());
        Document after = contributor.page(saved.headers().firstValue("Location").orElseThrow());
        assertEquals("Your changes are saved for an editor to review; the live article has not changed.",
            after.selectFirst(".app-notice__text").text());
        assertEquals("Everyone may read this now.", after.selectFirst("textarea#body").wholeText(),
            "the contributor goes on from their own changes");

        Document live = publicPage(id);
        assertNotNull(live.selectFirst(".app-paywall"), "still members only");
        assertFalse(live.text().contains("Everyone may read this now."));
        assertEquals("members", one(site, "SELECT access FROM articles WHERE id = " + id));

        // The editor finds the changes on the article, compares them, opens them and publishes them.
        Document review = editor.page("/newsroom/articles/" + id);
        Element waiting = review.selectFirst(".app-editor__suggestion");
        assertNotNull(waiting, "the changes wait on the article's page");
        Document compare = editor.page(waiting.selectFirst("a[href*=compare]").attr("href"));
        assertTrue(compare.selectFirst("table").text().contains("members free"), compare.selectFirst("table").text());
        assertTrue(compare.select("ins").text().contains("Everyone"), compare.select(".app-diff").text());
        assertTrue(compare.select("del").text().contains("analysis"), compare.select(".app-diff").text());
        assertTrue(editor.page("/newsroom").text().contains("changes waiting for review"), "and on the dashboard");

        Document opened = editor.page(waiting.selectFirst("a[href*='?revision=']").attr("href"));
        HttpResponse<String> published = editor.post("/newsroom/articles/" + id, fields(opened, "save"));
        assertEquals(303, published.statusCode(), published.body());
        Document now = publicPage(id);
        assertNull(now.selectFirst(".app-paywall"));
        assertTrue(now.text().contains("Everyone may read this now."));
        assertNull(editor.page("/newsroom/articles/" + id).selectFirst(".app-editor__suggestion"), "nothing waits any more");
    }

    @Test
    void a_stale_suggestion_is_refused_as_a_conflict_and_keeps_the_text() {
        long id = Newsroom.published(site, editor, "Ferry timetable changes " + System.nanoTime(), "Ferries run hourly.");
        Document first = contributor.page("/newsroom/articles/" + id);
        Browsing other = people.fresh(Who.CONTRIBUTOR);
        assertEquals(303, other.post("/newsroom/articles/" + id,
            with(fields(other.page("/newsroom/articles/" + id), "save"), "body", "Ferries run every two hours.")).statusCode());
        HttpResponse<String> stale = contributor.post("/newsroom/articles/" + id,
            with(fields(first, "save"), "body", "Ferries run at dawn."));
        assertEquals(409, stale.statusCode());
        assertEquals("Ferries run at dawn.", Jsoup.parse(stale.body()).selectFirst("textarea#body").wholeText());
    }

    @Test
    void a_contributors_restore_of_a_published_article_waits_for_an_editor() {
        long id = Newsroom.published(site, editor, "Harbour works finish " + System.nanoTime(), "The first account.");
        assertEquals(303, editor.post("/newsroom/articles/" + id,
            with(fields(editor.page("/newsroom/articles/" + id), "save"), "body", "The second account.")).statusCode());
        assertTrue(publicPage(id).text().contains("The second account."));

        HttpResponse<String> restored = contributor.post("/newsroom/articles/" + id + "/revisions/1/restore", List.of());
        assertEquals(303, restored.statusCode(), restored.body());
        assertTrue(restored.headers().firstValue("Location").orElseThrow().endsWith("?done=suggested"));
        assertTrue(publicPage(id).text().contains("The second account."), "readers still get the second account");
        assertTrue(editor.page("/newsroom/articles/" + id + "/revisions").text().contains("Open suggested revision 3"));
    }

    @Test
    void a_contributors_restore_while_their_suggestion_waits_is_kept_as_a_new_suggestion_not_a_conflict() {
        long id = Newsroom.published(site, editor, "Market hall reopens " + System.nanoTime(), "The first account.");
        assertEquals(303, editor.post("/newsroom/articles/" + id,
            with(fields(editor.page("/newsroom/articles/" + id), "save"), "body", "The second account.")).statusCode());
        assertEquals(303, contributor.post("/newsroom/articles/" + id,
            with(fields(contributor.page("/newsroom/articles/" + id), "save"), "body", "A suggested account.")).statusCode());

        HttpResponse<String> restored = contributor.post("/newsroom/articles/" + id + "/revisions/1/restore", List.of());
        assertEquals(303, restored.statusCode(), restored.body());
        assertTrue(restored.headers().firstValue("Location").orElseThrow().endsWith("?done=suggested"));
        Document after = contributor.page(restored.headers().firstValue("Location").orElseThrow());
        assertEquals("Your changes are saved for an editor to review; the live article has not changed.",
            after.selectFirst(".app-notice__text").text());
        assertEquals("The first account.", after.selectFirst("textarea#body").wholeText(),
            "the contributor goes on from the restored text");
        assertTrue(publicPage(id).text().contains("The second account."), "readers still get the second account");
        Element waiting = editor.page("/newsroom/articles/" + id).selectFirst(".app-editor__suggestion");
        Document opened = editor.page(waiting.selectFirst("a[href*='?revision=']").attr("href"));
        assertEquals("The first account.", opened.selectFirst("textarea#body").wholeText(),
            "the editor finds the restore as the latest suggestion");
    }

    @Test
    void an_editors_save_with_a_skipped_heading_level_is_refused_with_the_error_summary_and_readers_keep_the_page() {
        long id = Newsroom.published(site, editor, "Grain prices steady " + System.nanoTime(), "Prices held.");
        HttpResponse<String> refused = editor.post("/newsroom/articles/" + id,
            with(fields(editor.page("/newsroom/articles/" + id), "save"), "body", SKIPPED_HEADING));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.title().startsWith("Error: "));
        assertNotNull(page.selectFirst(".app-error-summary a[href=#body]"), "the summary links to the body");
        assertEquals(SKIPPED_HEADING, page.selectFirst("textarea#body").wholeText(), "what was typed is kept");
        assertTrue(publicPage(id).text().contains("Prices held."));
        assertNull(publicPage(id).selectFirst("main h4"));
    }

    @Test
    void an_editors_restore_of_a_revision_that_fails_the_checks_is_refused_with_the_error_summary() {
        long id = savedId(editor.post("/newsroom/articles/new",
            article(site, "Rail link delayed " + System.nanoTime(), SKIPPED_HEADING, "save")));
        assertEquals(303, editor.post("/newsroom/articles/" + id,
            with(fields(editor.page("/newsroom/articles/" + id), "publish"), "body", "A clean account.")).statusCode());

        HttpResponse<String> refused = editor.post("/newsroom/articles/" + id + "/revisions/1/restore", List.of());
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertNotNull(page.selectFirst(".app-error-summary a[href=#body]"));
        assertEquals(SKIPPED_HEADING, page.selectFirst("textarea#body").wholeText(), "the old revision, ready to fix");
        assertTrue(publicPage(id).text().contains("A clean account."));
    }

    @Test
    void a_correction_to_an_article_that_fails_the_checks_is_refused_until_the_article_is_fixed() {
        long id = Newsroom.published(site, editor, "Dam levels fall " + System.nanoTime(), "Levels fell.");
        // An article published before the checks held on every path: its text skips a level.
        site.database().jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET body_markdown = :body WHERE id = :id")
            .bind("body", SKIPPED_HEADING).bind("id", id).execute());
        var correction = List.of(Map.entry("action", "correct"), Map.entry("correction", "An earlier version gave the wrong level."));
        HttpResponse<String> refused = editor.post("/newsroom/articles/" + id, correction);
        assertEquals(422, refused.statusCode());
        assertNotNull(Jsoup.parse(refused.body()).selectFirst(".app-error-summary a[href=#body]"));
        assertFalse(publicPage(id).text().contains("An earlier version gave the wrong level."));

        assertEquals(303, editor.post("/newsroom/articles/" + id,
            with(fields(editor.page("/newsroom/articles/" + id), "save"), "body", "Levels fell again.")).statusCode());
        assertEquals(303, editor.post("/newsroom/articles/" + id, correction).statusCode());
        assertTrue(publicPage(id).text().contains("An earlier version gave the wrong level."));
    }

    @Test
    void clearing_the_alt_text_of_an_image_a_published_article_shows_is_refused_and_contributors_may_not_change_it()
            throws Exception {
        Browsing admin = people.browser(Who.ADMIN);
        HttpResponse<String> upload = admin.upload("/newsroom/images", "file", "harbour " + System.nanoTime() + ".png",
            Newsroom.png(900, 500), Map.of("alt", "Cranes over the harbour at dawn", "caption", "", "credit", ""));
        String image = upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/images/(\\d+).*", "$1");
        String name = one(site, "SELECT name FROM images WHERE id = " + image);
        String headline = "Harbour cranes return " + System.nanoTime();
        long id = Newsroom.published(site, editor, headline, "Words.\n\n![](image:" + name + ")\n\nMore words.");

        HttpResponse<String> cleared = editor.post("/newsroom/images/" + image, Map.of("alt", "", "caption", "", "credit", ""));
        assertEquals(422, cleared.statusCode());
        Document page = Jsoup.parse(cleared.body());
        assertTrue(page.title().startsWith("Error: "));
        assertTrue(page.selectFirst(".app-error-summary a[href=#alt]").text().contains(headline), "names the article");
        assertEquals("Cranes over the harbour at dawn", publicPage(id).selectFirst("main figure img").attr("alt"));

        HttpResponse<String> byContributor = contributor.post("/newsroom/images/" + image,
            Map.of("alt", "Something else entirely", "caption", "", "credit", ""));
        assertEquals(403, byContributor.statusCode());
        assertNotNull(Jsoup.parse(byContributor.body()).selectFirst(".app-error-summary a[href=#alt]"));
        assertEquals("Cranes over the harbour at dawn", publicPage(id).selectFirst("main figure img").attr("alt"));
    }

    @Test
    void an_upload_never_takes_a_name_that_a_published_article_already_names() throws Exception {
        long id = Newsroom.published(site, editor, "Old piece " + System.nanoTime(), "Words.");
        String ghost = "ghost-" + System.nanoTime();
        // An article saved before its image existed (as the old checks allowed on Save).
        site.database().jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET body_markdown = :body WHERE id = :id")
            .bind("body", "Words.\n\n![](image:" + ghost + ")").bind("id", id).execute());
        HttpResponse<String> upload = contributor.upload("/newsroom/images", "file", ghost + ".png", Newsroom.png(800, 450),
            Map.of("alt", "", "caption", "", "credit", ""));
        assertEquals(303, upload.statusCode());
        String image = upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/images/(\\d+).*", "$1");
        assertEquals(ghost + "-2", one(site, "SELECT name FROM images WHERE id = " + image));
    }
}
