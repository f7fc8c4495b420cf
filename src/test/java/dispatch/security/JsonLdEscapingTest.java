package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JSON-LD in an article's {@code <script>} element cannot end the element early or make an
 * HTML parser swallow the rest of the page, whatever the headline says; and it still reads
 * back as the same data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class JsonLdEscapingTest {
    private static final String HEADLINE = "</script><!--<script> Tom & Jerry > \"Spike\" \u2028 next";
    private TestSite site;
    private String path;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of("DISPATCH_FREE_ARTICLES", "200"));
        String slug = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published' AND access = 'free' ORDER BY published_at DESC LIMIT 1")
            .mapTo(String.class).one());
        site.database().jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET headline = :h WHERE slug = :s")
            .bind("h", HEADLINE).bind("s", slug).execute());
        path = "/articles/" + slug;
    }

    @AfterAll
    void stop() {
        site.close();
    }

    /** The tag names of every element after the JSON-LD's script, in document order. */
    private static List<String> after(Document page) {
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertNotNull(script);
        List<Element> all = page.getAllElements();
        return all.subList(all.indexOf(script) + 1, all.size()).stream().map(Element::tagName).toList();
    }

    @Test
    void a_headline_that_opens_a_comment_and_a_script_leaves_the_rest_of_the_page_intact() throws Exception {
        String html = site.get(path).body();
        // The page as it is meant to be read: the script's text, up to the first "</script", set
        // aside by hand, so that only the markup around it is parsed.
        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open) + open.length();
        String meant = html.substring(0, start) + "{}" + html.substring(html.indexOf("</script", start));
        Document page = Jsoup.parse(html);
        assertEquals(after(Jsoup.parse(meant)), after(page), "every element after the JSON-LD is still there");
        assertNotNull(page.selectFirst("body > footer, body footer"), "the footer too");
        assertEquals(1, page.select("script").size());
        assertEquals(HEADLINE, page.selectFirst("main h1").text(), "the headline shows as written");

        String json = page.selectFirst("script[type=application/ld+json]").data();
        for (String raw : List.of("<", ">", "&", "\u2028")) {
            assertFalse(json.contains(raw), "written as an escape: " + raw);
        }
        JsonNode data = new ObjectMapper().readTree(json);
        assertEquals(HEADLINE, data.get("headline").asText(), "and it reads back as written");
        assertEquals("NewsArticle", data.get("@type").asText());
    }
}
