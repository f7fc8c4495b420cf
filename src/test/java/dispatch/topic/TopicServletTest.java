package dispatch.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class TopicServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void topic_page_lists_articles_tagged_with_it() {
        Document doc = Jsoup.parse(site.get("/topics/diplomacy").body());
        assertEquals("Diplomacy", doc.selectFirst("h1").text());
        assertFalse(doc.select("main .app-card h2 a[href^=/articles/]").isEmpty());
    }

    @Test
    void long_topics_are_paginated_ten_to_a_page_by_key_with_a_labelled_navigation() {
        Document first = Jsoup.parse(site.get("/topics/diplomacy").body());
        assertEquals(10, first.select("main .app-card").size());
        var next = first.selectFirst("nav[aria-label=Pagination] a[rel=next]");
        assertNotNull(next);
        String tenth = first.select("main .app-card h2 a").last().attr("href").substring("/articles/".length());
        String key = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT published_at || '-' || id FROM articles WHERE slug = :s").bind("s", tenth).mapTo(String.class).one());
        assertEquals("/topics/diplomacy?before=" + key, next.attr("href"));

        Document second = Jsoup.parse(site.get(next.attr("href")).body());
        assertTrue(second.title().startsWith("Diplomacy (from "), second.title());
        assertTrue(second.selectFirst("main").text().contains("Articles from "));
        assertEquals(site.url(next.attr("href")), second.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(second.selectFirst("nav[aria-label=Pagination] a[rel=prev][href^=/topics/diplomacy?after=]"));
        assertNotNull(second.selectFirst("nav[aria-label=Pagination] a[href=/topics/diplomacy]"));
        assertTrue(java.util.Collections.disjoint(first.select("main .app-card h2 a").eachAttr("href"),
            second.select("main .app-card h2 a").eachAttr("href")));

        Document back = Jsoup.parse(site.get(second.selectFirst("a[rel=prev]").attr("href")).body());
        assertEquals(first.select("main .app-card h2 a").eachAttr("href"), back.select("main .app-card h2 a").eachAttr("href"));
    }

    @Test
    void old_numbered_pages_redirect_to_the_keyed_page_that_holds_them_now() {
        var second = site.get("/topics/diplomacy?page=2");
        assertEquals(302, second.statusCode());
        Document first = Jsoup.parse(site.get("/topics/diplomacy").body());
        assertEquals(first.selectFirst("a[rel=next]").attr("href"), second.headers().firstValue("Location").orElseThrow());
        var one = site.get("/topics/diplomacy?page=1");
        assertEquals(301, one.statusCode());
        assertEquals("/topics/diplomacy", one.headers().firstValue("Location").orElseThrow());
        assertEquals(404, site.get("/topics/diplomacy?page=99").statusCode());
    }

    @Test
    void a_key_that_is_not_one_is_a_client_error_never_a_server_error() {
        for (String query : new String[] {"?before=yesterday", "?after=2025-13-01T00:00:00Z-1", "?before=2025-01-01T00:00:00Z",
                "?before=2025-01-01T00:00:00Z-99999999999999999999", "?before=2025-01-01T00:00:00Z-1&after=2025-01-01T00:00:00Z-1",
                "?before=%00", "?before=2025-01-01T00:00:00Z-1&page=2"}) {
            var r = site.get("/topics/diplomacy" + query);
            assertEquals(400, r.statusCode(), query);
            assertTrue(r.body().contains("<h1"), query);
        }
        assertEquals(404, site.get("/topics/diplomacy?before=1990-01-01T00:00:00Z-1").statusCode(), "nothing older");
    }

    @Test
    void unknown_topic_is_404_and_index_lists_topics() {
        assertEquals(404, site.get("/topics/astrology").statusCode());
        assertFalse(Jsoup.parse(site.get("/topics").body()).select("main .app-directory__entry a").isEmpty());
    }
}
