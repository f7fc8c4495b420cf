package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dispatch.support.TestSite;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class FeedServletTest {
    private final TestSite site = TestSite.demo();

    private SyndFeed read(String path, String type) throws Exception {
        HttpResponse<String> r = site.get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(type + ";charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    @Test
    void the_site_feed_is_rss_2_with_the_latest_articles_and_absolute_links() throws Exception {
        SyndFeed feed = read("/feeds/all.rss", "application/rss+xml");
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals("Meridian East", feed.getTitle());
        assertEquals(20, feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            assertTrue(entry.getLink().startsWith(site.url("/articles/")), entry.getLink());
            assertFalse(entry.getTitle().isBlank());
            assertFalse(entry.getDescription().getValue().isBlank());
            assertTrue(entry.getPublishedDate() != null);
            assertFalse(entry.getAuthors().isEmpty() && entry.getAuthor().isBlank(), "each item names its writers");
        }
    }

    @Test
    void sections_topics_and_writers_have_atom_and_rss_feeds() throws Exception {
        SyndFeed section = read("/feeds/sections/iran.atom", "application/atom+xml");
        assertEquals("atom_1.0", section.getFeedType());
        assertEquals("Meridian East: Iran", section.getTitle());
        assertFalse(section.getEntries().isEmpty());
        assertFalse(read("/feeds/topics/energy.rss", "application/rss+xml").getEntries().isEmpty());
        assertFalse(read("/feeds/authors/maya-levin.atom", "application/atom+xml").getEntries().isEmpty());
        assertEquals(404, site.get("/feeds/sections/atlantis.rss").statusCode());
        assertEquals(404, site.get("/feeds/all.json").statusCode());
    }

    @Test
    void members_only_articles_appear_in_feeds_without_their_body() throws Exception {
        String body = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_markdown FROM articles WHERE slug = 'armenia-steps-back-from-the-csto'").mapTo(String.class).one());
        String firstSentence = body.strip().split("(?<=\\.)\\s")[0];
        String xml = site.get("/feeds/sections/south-caucasus.rss").body();
        assertTrue(xml.contains("armenia-steps-back-from-the-csto"));
        assertFalse(xml.contains(firstSentence), "the memo's body stays out of the feed");
        assertTrue(xml.contains("(For members.)"));
    }
}
