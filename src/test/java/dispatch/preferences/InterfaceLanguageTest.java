package dispatch.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A reader picks the interface's language with the switcher on every page; the server then
 * speaks it on every page, with lang and dir on <html>, and marks what stays in another
 * language (the publication's English section names, an English article) with its own.
 */
@Tag("postgresql")
class InterfaceLanguageTest {
    private static final String ENGLISH_ARTICLE = "/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh";
    private static final String ARABIC_ARTICLE = "/articles/ar-erdogan-aliyev-nakhchivan";
    private final TestSite site = TestSite.demo();

    private static boolean arabic(String text) {
        return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC);
    }

    private Browsing readerIn(String language, String back) {
        Browsing reader = new Browsing(site);
        var switched = reader.get("/language/" + language + "?back=" + back);
        assertEquals(303, switched.statusCode());
        assertEquals(back, switched.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", switched.headers().firstValue("Cache-Control").orElseThrow());
        return reader;
    }

    @Test
    void every_page_offers_every_language_named_in_itself() {
        Document page = new Browsing(site).page("/sections");
        Element nav = page.selectFirst("header nav.app-language");
        assertEquals("Language", nav.attr("aria-label"));
        var links = nav.select("a");
        assertEquals(5, links.size());
        Element arabic = nav.selectFirst("a[hreflang=ar]");
        assertEquals("العربية", arabic.text());
        assertEquals("ar", arabic.attr("lang"));
        assertEquals("rtl", arabic.attr("dir"));
        assertEquals("/language/ar?back=%2Fsections", arabic.attr("href"));
        assertEquals("true", nav.selectFirst("a[hreflang=en]").attr("aria-current"));
    }

    @Test
    void in_arabic_the_page_runs_right_to_left_and_english_names_keep_their_language() {
        Browsing reader = readerIn("ar", "/");
        Document home = reader.page("/");
        Element html = home.selectFirst("html");
        assertEquals("ar", html.attr("lang"));
        assertEquals("rtl", html.attr("dir"));
        assertTrue(arabic(home.selectFirst(".app-skip-link").text()), home.selectFirst(".app-skip-link").text());
        assertTrue(arabic(home.selectFirst("h1").text()));
        // The publication's names are English: marked as such inside the Arabic page.
        // Each name is marked, not the list, so the list itself still runs right to left.
        assertFalse(home.selectFirst("nav.app-nav ul").hasAttr("dir"));
        for (Element section : home.select("nav.app-nav a")) {
            assertEquals("en", section.attr("lang"), section.text());
            assertEquals("ltr", section.attr("dir"), section.text());
        }
        assertEquals("en", home.selectFirst(".app-header__name").attr("lang"));
        // An English headline is marked English; the Arabic interface is not marked again.
        Element card = home.select(".app-card__headline").stream().filter(h -> !arabic(h.text())).findFirst().orElseThrow();
        assertEquals("en", card.attr("lang"));
        assertEquals("true", home.selectFirst("nav.app-language a[hreflang=ar]").attr("aria-current"));
    }

    @Test
    void an_arabic_article_in_the_arabic_interface_needs_no_marking_and_an_english_one_does() {
        Browsing reader = readerIn("ar", ARABIC_ARTICLE);
        Document arabicArticle = reader.page(ARABIC_ARTICLE);
        assertFalse(arabicArticle.selectFirst("h1").hasAttr("lang"), "the article is in the page's own language");
        assertEquals("rtl", arabicArticle.selectFirst("html").attr("dir"));
        assertTrue(arabic(arabicArticle.selectFirst(".app-byline__dates").text()), "dates and labels in Arabic");
        assertTrue(arabicArticle.selectFirst(".app-byline__dates").text().matches(".*[٠-٩].*"), "Arabic digits");
        assertEquals("en", arabicArticle.selectFirst(".app-byline__author").attr("lang"), "the writer's name is English");
        assertEquals("en", arabicArticle.selectFirst(".app-breadcrumbs__link[href^=/sections/]").attr("lang"));

        Document englishArticle = reader.page(ENGLISH_ARTICLE);
        assertEquals("en", englishArticle.selectFirst("h1").attr("lang"));
        assertEquals("ltr", englishArticle.selectFirst("h1").attr("dir"));
        assertEquals("en", englishArticle.selectFirst(".app-article__body").attr("lang"));
        assertEquals("en", englishArticle.selectFirst(".app-breadcrumbs__link[href^=/sections/]").attr("lang"));
    }

    @Test
    void in_english_an_arabic_article_is_marked_and_nothing_else_is() {
        Document page = new Browsing(site).page(ARABIC_ARTICLE);
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("ltr", page.selectFirst("html").attr("dir"));
        assertEquals("ar", page.selectFirst("h1").attr("lang"));
        assertEquals("rtl", page.selectFirst("h1").attr("dir"));
        assertFalse(page.selectFirst("nav.app-nav a").hasAttr("lang"));
        assertFalse(page.selectFirst(".app-byline__author").hasAttr("lang"));
    }

    @Test
    void in_turkish_dates_numbers_and_messages_are_turkish() {
        Browsing reader = readerIn("tr", "/archive/2023");
        Document archive = reader.page("/archive/2023");
        assertEquals("tr", archive.selectFirst("html").attr("lang"));
        assertEquals("ltr", archive.selectFirst("html").attr("dir"));
        assertTrue(archive.select(".app-archive__link").eachText().stream().anyMatch(t -> t.contains("Eylül 2023")),
            archive.select(".app-archive__link").eachText().toString());
        Document search = reader.page("/search?q=zzqxqzz");
        assertFalse(search.selectFirst("h1").text().contains("results"), search.selectFirst("h1").text());
        Document notFound = parse(reader.get("/articles/no-such-thing").body());
        assertEquals("tr", notFound.selectFirst("html").attr("lang"));
        assertFalse(notFound.selectFirst("h1").text().equals("Page not found"));
    }

    @Test
    void the_choice_is_also_on_the_preferences_page_and_is_kept_with_the_others() {
        Browsing reader = new Browsing(site);
        Document form = reader.page("/preferences");
        Element hebrew = form.selectFirst("input[name=language][value=he]");
        Element label = form.selectFirst("label[for=" + hebrew.id() + "]");
        assertEquals("עברית", label.text());
        assertEquals("he", label.attr("lang"));
        assertEquals("rtl", label.attr("dir"));
        assertEquals(303, reader.post("/preferences", Map.of("language", "he", "theme", "dark")).statusCode());
        Document page = reader.page("/");
        assertEquals("he", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertTrue(page.selectFirst("html").hasClass("app-theme-dark"));
        // Choosing the publication's own language again needs no cookie value for it.
        readerIn("en", "/");
        assertEquals(303, reader.post("/preferences", Map.of("language", "en", "theme", "dark")).statusCode());
        assertFalse(reader.cookie("dispatch_prefs").orElseThrow().contains("lang"));
    }

    @Test
    void unknown_languages_and_foreign_addresses_go_nowhere_strange() {
        Browsing reader = new Browsing(site);
        assertEquals(404, reader.get("/language/xx").statusCode());
        assertEquals(404, reader.get("/language/").statusCode());
        for (String back : new String[] {"https://evil.example/", "//evil.example/", "/%5Cevil.example", "javascript:alert(1)"}) {
            var answer = reader.get("/language/tr?back=" + back);
            assertEquals(303, answer.statusCode());
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertTrue(location.equals("/") || location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"),
                back + " -> " + location);
        }
        assertEquals("/", LanguageServlet.localPath("/\\evil.example"));
        assertEquals("/", LanguageServlet.localPath("//evil.example"));
        assertEquals("/search?q=a", LanguageServlet.localPath("/search?q=a"));
    }

    @Test
    void the_newsroom_speaks_the_language_the_reader_chose_too() {
        Browsing reader = readerIn("ar", "/");
        Document signIn = reader.page("/newsroom/sign-in");
        assertEquals("ar", signIn.selectFirst("html").attr("lang"));
        assertEquals("rtl", signIn.selectFirst("html").attr("dir"));
        assertEquals(dispatch.web.Messages.format("ar", "skipLink"), signIn.selectFirst(".app-skip-link").text());
        Document english = readerIn("en", "/").page("/newsroom/sign-in");
        assertEquals("en", english.selectFirst("html").attr("lang"));
        assertEquals("Skip to main content", english.selectFirst(".app-skip-link").text());
    }

    private static Document parse(String html) {
        return org.jsoup.Jsoup.parse(html);
    }
}
