package dispatch.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.util.HashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class HomeServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void front_page_has_a_lead_story_latest_analysis_and_every_section() {
        Document doc = Jsoup.parse(site.get("/").body());
        assertEquals("Meridian East", doc.title());
        assertNotNull(doc.selectFirst("main section[aria-labelledby=lead-heading] h3 a[href^=/articles/]"));
        assertNotNull(doc.selectFirst("main section[aria-labelledby=analysis-heading]"));
        List<String> headings = doc.select("main h2").eachText();
        for (String section : List.of("Turkey", "Iran", "The Gulf", "Israel and Palestine", "Iraq and Syria", "South Caucasus")) {
            assertTrue(headings.contains(section), "front page has a block for " + section + ": " + headings);
        }
    }

    @Test
    void no_article_is_linked_twice_on_the_front_page() {
        List<String> links = Jsoup.parse(site.get("/").body()).select("main a[href^=/articles/]").eachAttr("href");
        assertEquals(new HashSet<>(links).size(), links.size(), "duplicate links: " + links);
    }
}
