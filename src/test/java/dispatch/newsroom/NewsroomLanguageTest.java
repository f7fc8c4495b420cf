package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import dispatch.web.Messages;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The newsroom speaks the interface language its staff member chose, as the public site does. */
class NewsroomLanguageTest {
    private final TestSite site = TestSite.newsroom();

    private Browsing editorIn(String language) {
        Browsing editor = EditorServletTest.editor(site);
        assertEquals(303, editor.get("/language/" + language + "?back=/newsroom").statusCode());
        return editor;
    }

    @Test
    void an_editor_who_chose_arabic_gets_the_newsroom_in_arabic_right_to_left() {
        Document dashboard = editorIn("ar").page("/newsroom");
        assertEquals("ar", dashboard.selectFirst("html").attr("lang"));
        assertEquals("rtl", dashboard.selectFirst("html").attr("dir"));
        assertEquals(Messages.format("ar", "newsroom.articlesTitle"), dashboard.selectFirst("h1").text());
        assertEquals(Messages.format("ar", "newsroom.navLabel"), dashboard.selectFirst("nav.app-nav").attr("aria-label"));
        assertTrue(dashboard.select("#articles-caption ~ tbody td").eachText()
            .contains(Messages.format("ar", "newsroom.state.published")), "states are named in Arabic");
        // Section names are the publication's (English) words: marked as such on an Arabic page.
        assertEquals("en", dashboard.select("#articles-caption ~ tbody tr td:nth-child(3)").first().attr("lang"));
    }

    @Test
    void errors_and_the_error_title_follow_the_language_too() {
        Browsing editor = editorIn("tr");
        var response = editor.post("/newsroom/articles/new", Map.of("action", "save", "headline", "", "kind", "news",
            "language", "en", "access", "free"));
        Document page = Jsoup.parse(response.body());
        assertEquals("tr", page.selectFirst("html").attr("lang"));
        assertTrue(page.title().startsWith(Messages.format("tr", "form.errorPrefix")), page.title());
        assertTrue(page.selectFirst(".app-error-summary").text().contains(Messages.format("tr", "newsroom.errorHeadline")),
            page.selectFirst(".app-error-summary").text());
    }

    @Test
    void the_accessibility_checks_on_the_article_form_are_in_the_chosen_language() {
        Browsing editor = editorIn("ar");
        var response = editor.post("/newsroom/articles/new", Map.of("action", "publish", "headline", "", "kind", "news",
            "language", "en", "access", "free", "body", "Read [click here](/x)."));
        Document page = Jsoup.parse(response.body());
        assertEquals(Messages.format("ar", "newsroom.checksHeading"), page.getElementById("findings-heading").text());
        String findings = page.select(".app-finding__message").eachText().toString();
        assertTrue(findings.contains(Messages.format("ar", "check.headlineMissing")), findings);
        // The link's words are the article's, in English: marked so on the Arabic page.
        assertEquals("click here", page.select(".app-finding__message span[lang=en]").text());
    }

    @Test
    void without_a_choice_the_newsroom_is_in_english() {
        Document dashboard = EditorServletTest.editor(site).page("/newsroom");
        assertEquals("en", dashboard.selectFirst("html").attr("lang"));
        assertEquals("Articles", dashboard.selectFirst("h1").text());
    }
}
