package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import dispatch.web.XmlChars;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

/**
 * Characters XML 1.0 does not allow never break the feeds or the sitemaps, however they got
 * into the database, and never get in through a form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class XmlOutputTest {
    private static final String HEADLINE = "Ports\u0001 reopen\uFFFE after talks";
    private static final String CLEAN_HEADLINE = "Ports reopen after talks";
    private TestSite site;
    private String slug;
    private List<String> feeds;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        // Straight into the database, as an import or a hand-made fix would: no form in the way.
        // Published an hour ago, so that the news sitemap lists it too.
        slug = site.database().jdbi().withHandle(h -> {
            String s = h.createQuery("""
                SELECT slug FROM articles a WHERE status = 'published' AND access = 'free'
                   AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id)
                 ORDER BY published_at DESC LIMIT 1""").mapTo(String.class).one();
            h.createUpdate("UPDATE articles SET headline = :h, standfirst = :s, published_at = :p WHERE slug = :slug")
                .bind("h", HEADLINE).bind("s", "Who \u0001pays\uFFFF the tariffs.")
                .bind("p", Instant.now().minus(1, ChronoUnit.HOURS)).bind("slug", s).execute();
            h.createUpdate("""
                UPDATE authors SET name = name || :c WHERE id IN (SELECT w.author_id FROM article_authors w
                  JOIN articles a ON a.id = w.article_id WHERE a.slug = :slug)""").bind("c", "\u0002").bind("slug", s)
                .execute();
            h.createUpdate("""
                UPDATE sections SET name = name || :c, description = description || :c
                 WHERE id = (SELECT section_id FROM articles WHERE slug = :slug)""").bind("c", "\u001B").bind("slug", s)
                .execute();
            return s;
        });
        feeds = new ArrayList<>(List.of("/feeds/all.rss", "/feeds/all.atom"));
        site.database().jdbi().useHandle(h -> {
            String section = h.createQuery("SELECT s.slug FROM sections s JOIN articles a ON a.section_id = s.id"
                + " WHERE a.slug = :slug").bind("slug", slug).mapTo(String.class).one();
            String topic = h.createQuery("SELECT t.slug FROM topics t JOIN article_topics x ON x.topic_id = t.id"
                + " JOIN articles a ON a.id = x.article_id WHERE a.slug = :slug LIMIT 1").bind("slug", slug)
                .mapTo(String.class).one();
            String author = h.createQuery("SELECT u.slug FROM authors u JOIN article_authors w ON w.author_id = u.id"
                + " JOIN articles a ON a.id = w.article_id WHERE a.slug = :slug LIMIT 1").bind("slug", slug)
                .mapTo(String.class).one();
            for (String kind : List.of(".rss", ".atom")) {
                feeds.add("/feeds/sections/" + section + kind);
                feeds.add("/feeds/topics/" + topic + kind);
                feeds.add("/feeds/authors/" + author + kind);
            }
        });
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private static Document parse(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void every_feed_listing_the_article_answers_and_is_well_formed_xml() throws Exception {
        for (String feed : feeds) {
            HttpResponse<String> response = site.get(feed);
            assertEquals(200, response.statusCode(), feed);
            Document xml = parse(response.body());
            assertTrue(xml.getDocumentElement().getTextContent().contains(CLEAN_HEADLINE), feed);
        }
    }

    @Test
    void both_sitemaps_answer_and_are_well_formed_xml() throws Exception {
        // The sitemap is an index of numbered files: the article is in one of them.
        Document index = parse(site.get("/sitemap.xml").body());
        List<String> sitemaps = new ArrayList<>();
        var locs = index.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            sitemaps.add(java.net.URI.create(locs.item(i).getTextContent().strip()).getPath());
        }
        assertFalse(sitemaps.isEmpty(), "the index lists its sitemaps");
        sitemaps.add("/sitemap-news.xml");
        for (String sitemap : sitemaps) {
            HttpResponse<String> response = site.get(sitemap);
            assertEquals(200, response.statusCode(), sitemap);
            parse(response.body());
        }
        assertTrue(sitemaps.stream().anyMatch(s -> {
            try {
                return parse(site.get(s).body()).getDocumentElement().getTextContent().contains(slug);
            } catch (Exception e) {
                throw new IllegalStateException(s, e);
            }
        }), "the article is in a numbered sitemap: " + sitemaps);
        assertTrue(parse(site.get("/sitemap-news.xml").body()).getDocumentElement().getTextContent().contains(slug),
            "and in the news sitemap");
        Document news = parse(site.get("/sitemap-news.xml").body());
        List<String> titles = new ArrayList<>();
        var nodes = news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title");
        for (int i = 0; i < nodes.getLength(); i++) {
            titles.add(nodes.item(i).getTextContent());
        }
        assertTrue(titles.contains(CLEAN_HEADLINE), titles.toString());
    }

    @Test
    void the_article_page_still_answers() {
        assertEquals(200, site.get("/articles/" + slug).statusCode());
    }

    @Test
    void the_characters_typed_into_a_form_are_not_stored() {
        Browsing editor = new Browsing(site);
        assertEquals(303, editor.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        long section = id("SELECT id FROM sections WHERE slug = 'turkey'");
        long author = id("SELECT id FROM authors WHERE slug = 'emre-kaya'");
        var saved = editor.post("/newsroom/articles/new", List.of(
            Map.entry("headline", "Harbour\u0001 fees\uFFFE rise"), Map.entry("standfirst", "Who\u0007 pays, and when."),
            Map.entry("kind", "news"), Map.entry("section", String.valueOf(section)),
            Map.entry("authors", String.valueOf(author)), Map.entry("dateline", "Izmir\u0000"),
            Map.entry("language", "en"), Map.entry("access", "free"),
            Map.entry("body", "Fees rose\u0001 on Monday.\n\nShippers\uFFFF object."), Map.entry("lead-image", ""),
            Map.entry("action", "save")));
        assertEquals(303, saved.statusCode(), saved.body());
        var stored = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT headline, standfirst, dateline, body_markdown FROM articles WHERE headline LIKE 'Harbour%'")
            .mapToMap().one());
        assertEquals("Harbour fees rise", stored.get("headline"));
        assertEquals("Who pays, and when.", stored.get("standfirst"));
        assertEquals("Izmir", stored.get("dateline"));
        assertEquals("Fees rose on Monday.\n\nShippers object.", stored.get("body_markdown"));
    }

    private long id(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void only_the_characters_xml_forbids_are_taken_out() {
        String allowed = "tab\t lf\n cr\r é ☃ \uD83D\uDE00 \uE000 \uFFFD";
        assertSame(allowed, XmlChars.strip(allowed), "nothing copied when there is nothing to take out");
        assertEquals("abcdef", XmlChars.strip("a\u0000b\u0008c\u001Fd\uFFFEe\uFFFF\uDC00f\uD800"));
        assertTrue(XmlChars.valid(allowed));
        assertFalse(XmlChars.valid("a\u0001"));
    }
}
