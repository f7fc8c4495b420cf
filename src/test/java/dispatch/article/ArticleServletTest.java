package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class ArticleServletTest {
    private final TestSite site = TestSite.demo();

    private String modelPage() {
        return site.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT slug FROM articles WHERE lead_image_id IS NOT NULL AND kind = 'news' ORDER BY published_at LIMIT 1")
            .mapTo(String.class).one());
    }

    private Document page(String path) {
        HttpResponse<String> response = site.get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body());
    }

    @Test
    void article_page_has_every_part_of_the_model_page_in_reading_order() {
        String slug = modelPage();
        Document doc = page("/articles/" + slug);

        Element first = doc.selectFirst("body a[href], body button, body input");
        assertEquals("Skip to main content", first.text());
        assertEquals("#main-content", first.attr("href"));
        assertNotNull(doc.selectFirst("header nav[aria-label=Sections]"));
        assertNotNull(doc.selectFirst("nav[aria-label=Breadcrumb] ol"));
        assertEquals(1, doc.select("h1").size());
        Element article = doc.selectFirst("main article");
        Element h1 = article.selectFirst("h1");
        assertFalse(h1.text().isBlank());
        assertTrue(doc.title().startsWith(h1.text()), "the title names the article first");
        assertTrue(doc.title().endsWith("– Meridian East"), "and the site last");
        assertNotNull(article.selectFirst("p.app-article__standfirst"));
        assertFalse(article.select(".app-byline a[href^=/authors/]").isEmpty(), "the byline links to the authors");
        assertNotNull(article.selectFirst(".app-byline time[datetime]"));
        Element figure = article.selectFirst("figure.app-figure--lead");
        Element img = figure.selectFirst("img");
        assertFalse(img.attr("alt").isBlank(), "the lead image has alt text");
        assertTrue(img.hasAttr("width") && img.hasAttr("height") && img.attr("srcset").contains("w,"));
        assertFalse(figure.selectFirst("figcaption").text().isBlank());
        assertNotNull(figure.selectFirst("figcaption .app-figure__credit"));
        assertTrue(article.select(".app-article__body p").size() >= 4, "several body paragraphs");

        Element offer = doc.selectFirst("main section[aria-labelledby=membership-offer-heading]");
        assertEquals("Join our community of readers", offer.selectFirst("h2").text());
        assertTrue(offer.text().contains("24/7 news, analyses, memos, reports and newsletters, for $100 a year"));
        assertEquals(site.url("/articles/" + slug), doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertNotNull(doc.selectFirst("footer nav[aria-label=Footer]"));
    }

    @Test
    void passage_in_another_language_carries_its_language_and_direction() {
        String slug = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE body_html LIKE '%lang=\"fa\"%' LIMIT 1").mapTo(String.class).one());
        Element passage = page("/articles/" + slug).selectFirst(".app-article__body [lang=fa]");
        assertEquals("rtl", passage.attr("dir"));
    }

    @Test
    void corrections_are_shown_with_their_dates() {
        String slug = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT a.slug FROM articles a JOIN corrections c ON c.article_id = a.id LIMIT 1").mapTo(String.class).one());
        Element corrections = page("/articles/" + slug).selectFirst("section[aria-labelledby=corrections-heading]");
        assertNotNull(corrections.selectFirst("li time[datetime]"));
    }

    @Test
    void unknown_article_is_a_helpful_404() {
        HttpResponse<String> response = site.get("/articles/no-such-article");
        assertEquals(404, response.statusCode());
        Document doc = Jsoup.parse(response.body());
        assertEquals("Page not found – Meridian East", doc.title());
        assertNotNull(doc.selectFirst("main a[href=/]"), "the 404 page offers a way on");
    }

    @Test
    void malformed_article_addresses_are_404_not_errors() {
        for (String path : new String[] {"/articles/", "/articles/UPPER", "/articles/a/b", "/articles/%00",
                "/articles/" + "x".repeat(3000)}) {
            int status = site.get(path).statusCode();
            assertTrue(status == 404 || status == 400 || status == 431, path + " gave " + status);
        }
    }

    @Test
    void head_answers_like_get_without_a_body() {
        HttpResponse<String> head = site.send("HEAD", "/articles/" + modelPage());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("text/html;charset=utf-8", head.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    }

    @Test
    void translations_link_to_each_other_in_their_own_languages() {
        Document english = page("/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh");
        Element arabic = english.selectFirst(".app-translations a[hreflang=ar]");
        assertEquals("ar", arabic.attr("lang"));
        assertEquals("rtl", arabic.attr("dir"));
        assertNotNull(english.selectFirst(".app-translations a[hreflang=tr][lang=tr]"));
        assertNotNull(english.selectFirst("link[rel=alternate][hreflang=ar]"));

        Document translated = page(arabic.attr("href"));
        assertEquals("en", translated.selectFirst("html").attr("lang"), "the interface stays English");
        Element h1 = translated.selectFirst("h1");
        assertEquals("ar", h1.attr("lang"));
        assertEquals("rtl", h1.attr("dir"));
        assertEquals("rtl", translated.selectFirst(".app-article__body").attr("dir"));
        assertNotNull(translated.selectFirst(".app-translations a[hreflang=en][href=/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh]"));
    }
}
