package dispatch.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class AuthorServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void author_page_shows_portrait_role_bio_and_their_articles() {
        Document doc = Jsoup.parse(site.get("/authors/lilit-harutyunyan").body());
        assertEquals("Lilit Harutyunyan", doc.selectFirst("h1").text());
        Element portrait = doc.selectFirst("img.app-profile__portrait");
        assertTrue(portrait.attr("alt").contains("Lilit Harutyunyan"));
        assertFalse(doc.selectFirst(".app-profile__bio").text().isBlank());
        assertEquals("Articles by Lilit Harutyunyan", doc.selectFirst("main h2").text());
        assertFalse(doc.select("main .app-card h3 a").isEmpty(), "articles are headed one level below");
    }

    @Test
    void unknown_author_is_404() {
        assertEquals(404, site.get("/authors/nobody-at-all").statusCode());
    }
}
