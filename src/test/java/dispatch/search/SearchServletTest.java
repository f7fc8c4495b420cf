package dispatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class SearchServletTest {
    private final TestSite site = TestSite.demo();

    private Document search(String query) {
        var r = site.get("/search?" + query);
        assertEquals(200, r.statusCode(), query);
        return Jsoup.parse(r.body());
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void searching_for_a_person_finds_their_articles_with_the_count_in_title_and_heading() {
        Document doc = search(q("Pezeshkian"));
        List<String> headlines = doc.select("main .app-search-results h2").eachText();
        assertFalse(headlines.isEmpty());
        assertTrue(headlines.get(0).contains("Pezeshkian"), headlines.toString());
        String count = headlines.size() + (headlines.size() == 1 ? " result" : " results");
        assertEquals(count + " for “Pezeshkian”", doc.selectFirst("h1").text());
        assertTrue(doc.title().startsWith("Search for “Pezeshkian”: " + count));
        assertNotNull(doc.selectFirst(".app-search-results mark"), "matched words are marked");
        assertEquals("Pezeshkian", doc.selectFirst("input#q").val(), "the form keeps the query");
    }

    @Test
    void diacritics_phrases_and_filters_narrow_the_results() {
        int all = search(q("Erdogan")).select(".app-search-results li").size();
        assertTrue(all > 0, "Erdogan finds Erdoğan");
        Document phrase = search(q("\"Lachin corridor\""));
        assertFalse(phrase.select(".app-search-results li").isEmpty());
        Document filtered = search(q("Erdogan") + "&section=turkey");
        assertTrue(filtered.select(".app-search-results .app-card__meta").eachText().stream().allMatch(t -> t.endsWith("Turkey")));
        assertEquals("turkey", filtered.selectFirst("select#section option[selected]").val());
        Document dated = search(q("Erdogan") + "&from=2024-01-01&to=2024-12-31");
        assertTrue(dated.select(".app-search-results time").eachAttr("datetime").stream().allMatch(d -> d.startsWith("2024")));
    }

    @Test
    void members_only_results_never_show_their_gated_body() {
        String memo = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT standfirst FROM articles WHERE kind = 'memo' AND slug = 'armenia-steps-back-from-the-csto'")
            .mapTo(String.class).one());
        Document doc = search(q("CSTO") + "&kind=memo");
        var result = doc.selectFirst(".app-search-results li");
        assertTrue(result.text().contains("For members"));
        assertEquals(memo, result.selectFirst(".app-card__standfirst").text());
    }

    @Test
    void odd_input_gets_results_or_a_clear_message_never_an_error_page() {
        for (String input : List.of("AND OR NOT (", "\"unbalanced", "headline:*", "\"\"", "'; DROP TABLE articles; --",
                "x".repeat(150))) {
            assertEquals(200, site.get("/search?" + q(input)).statusCode(), input);
        }
        Document tooLong = search(q("word ".repeat(60)));
        assertTrue(tooLong.title().startsWith("Error: "));
        assertNotNull(tooLong.selectFirst(".app-error-summary a[href=#q]"));
        Document badDate = search(q("oil") + "&from=2025-13-40");
        assertNotNull(badDate.selectFirst(".app-error-summary a[href=#from]"));
        Document nothing = search(q("zzqxqzz"));
        assertEquals("No results for “zzqxqzz”", nothing.selectFirst("h1").text());
        assertTrue(nothing.text().contains("check the spelling"));
    }

    @Test
    void results_are_paginated_and_a_page_past_the_end_is_404() {
        Document first = search(q("the"));
        assertEquals(10, first.select(".app-search-results > li").size());
        String next = first.selectFirst("nav[aria-label=Pagination] a[rel=next]").attr("href");
        assertTrue(next.startsWith("/search?q=the") && next.endsWith("&page=2"), next);
        assertEquals("11", search(q("the") + "&page=2").selectFirst(".app-search-results").attr("start"));
        assertEquals(404, site.get("/search?" + q("the") + "&page=99").statusCode());
    }

    @Test
    void markup_in_an_article_is_shown_as_text_around_the_marked_words_never_as_markup() {
        try (TestSite fresh = TestSite.empty()) {
            fresh.database().jdbi().useHandle(h -> {
                long section = h.createQuery("INSERT INTO sections (slug, name, description, position)"
                    + " VALUES ('gulf', 'Gulf', 'The Gulf.', 1) RETURNING id").mapTo(Long.class).one();
                h.createUpdate("""
                    INSERT INTO articles (slug, kind, section_id, headline, standfirst, language, body_markdown,
                                          body_html, word_count, status, access, published_at, created_at)
                    VALUES ('tariffs', 'news', :section, 'Tariffs <b>and</b> ports & docks', 'Who pays the tariffs.',
                            'en', :body, '<p>Ports.</p>', 12, 'published', 'free', '2026-01-05T08:00:00Z',
                            '2026-01-05T08:00:00Z')""")
                    .bind("section", section)
                    .bind("body", "Ports <img src=x onerror=alert(1)> charge new tariffs on grain, the ministry says.")
                    .execute();
            });
            var r = fresh.get("/search?" + q("tariffs"));
            assertEquals(200, r.statusCode());
            Document doc = Jsoup.parse(r.body());
            var headline = doc.selectFirst(".app-search-results h2");
            assertEquals("Tariffs <b>and</b> ports & docks", headline.text(), "the headline's markup is text");
            assertEquals(List.of("Tariffs"), headline.select("mark").eachText());
            assertTrue(headline.select("b").isEmpty());
            assertTrue(doc.select(".app-search-results img, [onerror]").isEmpty(), "nothing from the body is markup");
            assertTrue(doc.select(".app-search-results mark").eachText().stream().allMatch("tariffs"::equalsIgnoreCase));
        }
    }
}
