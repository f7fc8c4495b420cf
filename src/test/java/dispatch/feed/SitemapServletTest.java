package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class SitemapServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void the_sitemap_lists_every_published_article_and_listing_page() {
        var r = site.get("/sitemap.xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        Document index = Jsoup.parse(r.body(), "", Parser.xmlParser());
        List<String> files = index.select("sitemapindex > sitemap > loc").eachText();
        assertEquals(List.of(site.url("/sitemaps/pages.xml"), site.url("/sitemaps/articles-1.xml")), files);
        List<String> locs = new java.util.ArrayList<>();
        for (String file : files) {
            var f = site.get(file.substring(site.url("").length()));
            assertEquals(200, f.statusCode(), file);
            assertTrue(f.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
            locs.addAll(Jsoup.parse(f.body(), "", Parser.xmlParser()).select("urlset > url > loc").eachText());
        }
        List<String> slugs = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published'").mapTo(String.class).list());
        for (String slug : slugs) {
            assertTrue(locs.contains(site.url("/articles/" + slug)), slug);
        }
        assertTrue(locs.containsAll(List.of(site.url("/"), site.url("/sections/turkey"), site.url("/topics/energy"),
            site.url("/authors/emre-kaya"), site.url("/accessibility"))));
    }

    @Test
    void a_sitemap_file_that_is_not_in_the_index_is_404() {
        for (String path : new String[] {"/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/articles-x.xml",
                "/sitemaps/other.xml", "/sitemaps/", "/sitemaps/articles-99999999999.xml"}) {
            assertEquals(404, site.get(path).statusCode(), path);
        }
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
