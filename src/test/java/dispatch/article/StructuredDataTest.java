package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class StructuredDataTest {
    private final TestSite site = TestSite.demo();

    private JsonNode jsonLd(Document doc) throws Exception {
        return new ObjectMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void every_article_describes_itself_as_a_news_article_with_open_graph_tags() throws Exception {
        Document doc = Jsoup.parse(site.get("/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh").body());
        JsonNode data = jsonLd(doc);
        assertEquals("NewsArticle", data.get("@type").asText());
        assertEquals(doc.selectFirst("h1").text(), data.get("headline").asText());
        assertEquals("Lilit Harutyunyan", data.get("author").get(0).get("name").asText());
        // Metered: free up to a number a month, so marked as not free, with the held-back part named.
        assertFalse(data.get("isAccessibleForFree").asBoolean());
        assertEquals(".app-paywalled", data.get("hasPart").get("cssSelector").asText());
        assertTrue(data.get("image").get(0).asText().startsWith(site.url("/media/")));
        assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals(site.url("/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh"),
            doc.selectFirst("meta[property=og:url]").attr("content"));
        assertTrue(doc.selectFirst("meta[property=og:image]").attr("content").startsWith("http"));
    }

    @Test
    void members_only_articles_mark_their_gated_part() throws Exception {
        JsonNode data = jsonLd(Jsoup.parse(site.get("/articles/armenia-steps-back-from-the-csto").body()));
        assertEquals(false, data.get("isAccessibleForFree").asBoolean());
        assertEquals(".app-paywalled", data.get("hasPart").get("cssSelector").asText());
    }
}
