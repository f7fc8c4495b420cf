package dispatch.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SectionServletTest {
    private final TestSite site = TestSite.demo();

    private String biggestSection() {
        return site.database().jdbi().withHandle(h -> h.createQuery("""
            SELECT s.slug FROM sections s JOIN articles a ON a.section_id = s.id
            GROUP BY s.slug ORDER BY COUNT(*) DESC LIMIT 1""").mapTo(String.class).one());
    }

    @Test
    void section_lists_its_articles_newest_first_ten_to_a_page() {
        String slug = biggestSection();
        Document first = Jsoup.parse(site.get("/sections/" + slug).body());
        assertEquals(10, first.select("main .app-card").size());
        assertNotNull(first.selectFirst("nav[aria-label=Sections] a[aria-current=page][href=/sections/" + slug + "]"));
        var dates = first.select("main .app-card time").eachAttr("datetime");
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);

        Document second = Jsoup.parse(site.get("/sections/" + slug + "?page=2").body());
        assertTrue(second.title().contains("(page 2 of "), second.title());
        assertNotNull(second.selectFirst("nav[aria-label=Pagination] a[aria-current=page]"));
        assertEquals(site.url("/sections/" + slug + "?page=2"), second.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(second.selectFirst("nav[aria-label=Pagination] a[rel=prev]"));
    }

    @Test
    void pages_that_cannot_exist_are_404() {
        String slug = biggestSection();
        for (String query : new String[] {"?page=0", "?page=-1", "?page=abc", "?page=999", "?page=1e3"}) {
            assertEquals(404, site.get("/sections/" + slug + query).statusCode(), query);
        }
        assertEquals(404, site.get("/sections/atlantis").statusCode());
    }

    @Test
    void sections_index_lists_every_section() {
        Document doc = Jsoup.parse(site.get("/sections").body());
        int sections = site.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sections").mapTo(Integer.class).one());
        assertEquals(sections, doc.select("main .app-directory__entry h2 a").size());
    }
}
