package dispatch.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void long_topics_are_paginated_ten_to_a_page_with_a_labelled_navigation() {
        Document first = Jsoup.parse(site.get("/topics/diplomacy").body());
        assertEquals(10, first.select("main .app-card").size());
        assertNotNull(first.selectFirst("nav[aria-label=Pagination] a[rel=next][href=/topics/diplomacy?page=2]"));

        Document second = Jsoup.parse(site.get("/topics/diplomacy?page=2").body());
        assertTrue(second.title().startsWith("Diplomacy (page 2 of "), second.title());
        assertTrue(second.selectFirst("main").text().contains("Page 2 of "));
        assertEquals("2", second.selectFirst("nav[aria-label=Pagination] a[aria-current=page]").text());
        assertEquals(site.url("/topics/diplomacy?page=2"), second.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(second.selectFirst("nav[aria-label=Pagination] a[rel=prev][href=/topics/diplomacy]"));
        assertEquals(404, site.get("/topics/diplomacy?page=99").statusCode());
    }

    @Test
    void unknown_topic_is_404_and_index_lists_topics() {
        assertEquals(404, site.get("/topics/astrology").statusCode());
        assertFalse(Jsoup.parse(site.get("/topics").body()).select("main .app-directory__entry a").isEmpty());
    }
}
