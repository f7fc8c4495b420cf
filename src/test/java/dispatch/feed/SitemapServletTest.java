package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SitemapServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void the_sitemap_lists_every_published_article_and_listing_page() {
        var r = site.get("/sitemap.xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        Document xml = Jsoup.parse(r.body(), "", Parser.xmlParser());
        List<String> locs = xml.select("url > loc").eachText();
        List<String> slugs = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published'").mapTo(String.class).list());
        for (String slug : slugs) {
            assertTrue(locs.contains(site.url("/articles/" + slug)), slug);
        }
        assertTrue(locs.containsAll(List.of(site.url("/"), site.url("/sections/turkey"), site.url("/topics/energy"),
            site.url("/authors/emre-kaya"), site.url("/accessibility"))));
    }

    @Test
    void robots_points_to_the_sitemaps_and_keeps_crawlers_out_of_the_newsroom() {
        String robots = site.get("/robots.txt").body();
        assertTrue(robots.contains("Disallow: /newsroom"));
        assertTrue(robots.contains("Sitemap: " + site.url("/sitemap.xml")));
        var news = site.get("/sitemap-news.xml");
        assertEquals(200, news.statusCode());
        assertTrue(news.body().contains("xmlns:news="), "the news sitemap is well formed even when empty");
    }
}
