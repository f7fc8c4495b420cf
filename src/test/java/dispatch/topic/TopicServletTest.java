package dispatch.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TopicServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void topic_page_lists_articles_tagged_with_it() {
        Document doc = Jsoup.parse(site.get("/topics/diplomacy").body());
        assertEquals("Diplomacy", doc.selectFirst("h1").text());
        assertFalse(doc.select("main .app-card h2 a[href^=/articles/]").isEmpty());
    }

    @Test
    void unknown_topic_is_404_and_index_lists_topics() {
        assertEquals(404, site.get("/topics/astrology").statusCode());
        assertFalse(Jsoup.parse(site.get("/topics").body()).select("main .app-directory__entry a").isEmpty());
    }
}
