package dispatch.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class SectionServletTest {
    private final TestSite site = TestSite.demo();

    private String biggestSection() {
        return site.database().jdbi().withHandle(h -> h.createQuery("""
            SELECT s.slug FROM sections s JOIN articles a ON a.section_id = s.id
            GROUP BY s.slug ORDER BY COUNT(*) DESC LIMIT 1""").mapTo(String.class).one());
    }

    @Test
    void section_lists_all_its_articles_newest_first_and_is_marked_in_the_navigation() {
        String slug = biggestSection();
        int count = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.slug = :s")
            .bind("s", slug).mapTo(Integer.class).one());
        Document first = Jsoup.parse(site.get("/sections/" + slug).body());
        assertEquals(Math.min(10, count), first.select("main .app-card").size());
        assertEquals(count > 10, first.selectFirst("nav[aria-label=Pagination]") != null);
        assertNotNull(first.selectFirst("nav[aria-label=Sections] a[aria-current=page][href=/sections/" + slug + "]"));
        var dates = first.select("main .app-card time").eachAttr("datetime");
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    }

    @Test
    void pages_that_cannot_exist_are_404() {
        String slug = biggestSection();
        for (String query : new String[] {"?page=0", "?page=-1", "?page=abc", "?page=2", "?page=999", "?page=1e3"}) {
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
