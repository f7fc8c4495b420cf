package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.db.Database;
import dispatch.membership.Paywall;
import dispatch.search.PostgresSearch;
import dispatch.search.Search;
import dispatch.search.SearchQuery;
import dispatch.search.SqliteSearch;
import dispatch.support.Browsing;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import dispatch.web.Form;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search keeps the held-back part of members-only articles with members: a reader who may not
 * read it can neither find the article by its words (a quoted phrase, changed a word at a time,
 * would rebuild the text) nor see them in a result; members can. On either engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class MembersOnlySearchTest {
    private static final String MEMO = "/articles/gulf-mediators-oman-qatar-memo";
    /** Words of the memo's held-back part (its sixth paragraph), checked below. */
    private static final String HELD_BACK_PHRASE = "\"Omani officials rarely claim credit\"";
    /** Words of its free part (the second paragraph). */
    private static final String FREE_PHRASE = "\"Sultan Haitham bin Tarik\"";

    private TestSite site;
    private Browsing member;
    private List<String> heldBack;
    private String open;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        String body = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT body_html FROM articles WHERE slug = 'gulf-mediators-oman-qatar-memo'").mapTo(String.class).one());
        List<String> paragraphs = Jsoup.parseBodyFragment(body).select("body > p").eachText();
        heldBack = paragraphs.subList(Paywall.FREE_PARAGRAPHS, paragraphs.size());
        open = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT headline || ' ' || standfirst FROM articles WHERE slug = 'gulf-mediators-oman-qatar-memo'")
            .mapTo(String.class).one()) + " " + Paywall.freeText(body);
        assertTrue(heldBack.stream().anyMatch(p -> p.contains(unquoted(HELD_BACK_PHRASE))), "the phrase is held back");
        assertFalse(open.contains(unquoted(HELD_BACK_PHRASE)), "and nowhere a reader who is not a member may read");
        assertTrue(open.contains(unquoted(FREE_PHRASE)));

        member = dispatch.support.MailBox.member(site, "Mina Member", "mina@example.org", "mina's long password");
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private static String unquoted(String phrase) {
        return phrase.replace("\"", "");
    }

    private static String path(String query) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static List<String> found(Document results) {
        return results.select(".app-search-results h2 a").eachAttr("href");
    }

    private Document anonymous(String query) {
        var response = site.get(path(query));
        assertEquals(200, response.statusCode());
        return Jsoup.parse(response.body());
    }

    private Document asMember(String query) {
        var response = member.get(path(query));
        assertEquals(200, response.statusCode());
        return Jsoup.parse(response.body());
    }

    @Test
    void a_phrase_from_the_held_back_part_finds_nothing_for_a_reader_who_is_not_a_member_and_the_article_for_a_member() {
        assertFalse(found(anonymous(HELD_BACK_PHRASE)).contains(MEMO), "anonymous");
        assertFalse(found(anonymous(unquoted(HELD_BACK_PHRASE))).contains(MEMO), "anonymous, as words");
        Browsing signedIn = dispatch.support.MailBox.registered(site, "Fay Free", "fay@example.org", "fay's long password");
        assertFalse(found(signedIn.page(path(HELD_BACK_PHRASE))).contains(MEMO), "a free account");

        Document members = asMember(HELD_BACK_PHRASE);
        assertTrue(found(members).contains(MEMO), "a member");
        Element result = members.selectFirst(".app-search-results a[href=" + MEMO + "]").closest("li");
        assertTrue(result.select("mark").eachText().stream().anyMatch(m -> m.startsWith("Omani")),
            "a member sees the passage, marked: " + result.text());
    }

    @Test
    void a_phrase_from_the_free_part_still_finds_the_article_for_everyone() {
        assertTrue(found(anonymous(FREE_PHRASE)).contains(MEMO));
        assertTrue(found(asMember(FREE_PHRASE)).contains(MEMO));
    }

    @Test
    void results_for_a_reader_who_is_not_a_member_never_show_held_back_text() {
        // Words found both in the free part and in the held-back part, and words only in the latter.
        for (String query : List.of("Oman Qatar", "Washington", "Hamas", "Muscat", "Qatar Taliban", "Saudi Arabia",
                "Oman", "ceasefire", "Hormuz", "Al Udeid")) {
            Document results = anonymous(query);
            for (Element li : results.select(".app-search-results > li")) {
                if (li.selectFirst("a[href=" + MEMO + "]") == null) {
                    continue;
                }
                String shown = li.text();
                for (String window : windows(heldBack, 5)) {
                    assertFalse(shown.contains(window) && !open.contains(window),
                        query + ": held-back words \"" + window + "\" in " + shown);
                }
                List<String> marked = li.select("mark").eachText();
                assertTrue(marked.stream().allMatch(m -> open.toLowerCase().contains(m.toLowerCase())), marked.toString());
            }
        }
    }

    /** Every run of {@code n} words of the paragraphs. */
    private static List<String> windows(List<String> paragraphs, int n) {
        List<String> all = new ArrayList<>();
        for (String p : paragraphs) {
            String[] words = p.split("\\s+");
            for (int i = 0; i + n <= words.length; i++) {
                all.add(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
            }
        }
        return all;
    }

    @Test
    void a_members_results_are_never_kept_for_anyone_else_nor_anyone_elses_for_a_member() {
        String first = "\"Omani officials rarely claim\"";
        assertTrue(found(asMember(first)).contains(MEMO));
        assertFalse(found(anonymous(first)).contains(MEMO), "the member's page was not kept for the next reader");
        var again = site.get(path(first));
        assertFalse(again.body().contains(MEMO), "nor on a second look, from the fast path");

        String second = "\"officials rarely claim credit\"";
        assertFalse(found(anonymous(second)).contains(MEMO));
        assertFalse(found(anonymous(second)).contains(MEMO), "kept for anonymous readers");
        var mine = member.get(path(second));
        assertTrue(found(Jsoup.parse(mine.body())).contains(MEMO), "a member never gets the kept anonymous page");
        assertEquals("private, no-store", mine.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void an_article_made_members_only_is_searched_by_its_free_part_only_from_then_on() {
        var article = site.database().jdbi().withHandle(h -> h.createQuery("""
            SELECT slug, headline || ' ' || standfirst AS open, body_html FROM articles
             WHERE access = 'free' AND status = 'published' AND language = 'en' ORDER BY published_at DESC LIMIT 1""")
            .mapToMap().one());
        String slug = (String) article.get("slug");
        String body = (String) article.get("body_html");
        String readable = (article.get("open") + " " + Paywall.freeText(body)).toLowerCase();
        List<String> paragraphs = Jsoup.parseBodyFragment(body).select("body > p").eachText();
        // Words of the last paragraph that nothing a reader who is not a member may read contains.
        List<String> words = Arrays.stream(paragraphs.get(paragraphs.size() - 1).split("[^\\p{L}]+"))
            .filter(w -> w.length() > 5 && !readable.contains(w.toLowerCase())).distinct().limit(3).toList();
        assertEquals(3, words.size(), paragraphs.toString());
        String query = String.join(" ", words);
        assertTrue(found(anonymous(query)).contains("/articles/" + slug), "free: found by any of its words");

        site.database().jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET access = 'members' WHERE slug = :s")
            .bind("s", slug).execute());
        List<String> reversed = new ArrayList<>(words);
        java.util.Collections.reverse(reversed);
        String again = String.join(" ", reversed);  // another address: not the results kept a moment ago
        assertFalse(found(anonymous(again)).contains("/articles/" + slug), "members-only: not by its held-back words");
        assertTrue(found(asMember(again)).contains("/articles/" + slug), "except for members");
    }

    @Test
    void articles_stored_before_the_upgrade_are_searched_by_their_free_part_only() throws Exception {
        Path dir = Files.createTempDirectory("dispatch-upgrade");
        String url = TestDatabase.postgresql() ? TestDatabase.freshUrl() : "jdbc:sqlite:" + dir.resolve("dispatch.db");
        String user = TestDatabase.postgresql() ? "postgres" : null;
        String engine = TestDatabase.postgresql() ? "postgresql" : "sqlite";
        String id = TestDatabase.postgresql() ? "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
            : "INTEGER PRIMARY KEY AUTOINCREMENT";
        // The schema as it was before search learnt what is free, with a members-only article in it.
        Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration", "classpath:db/" + engine)
            .placeholders(Map.of("id", id)).target("8").load().migrate();
        try (var connection = java.sql.DriverManager.getConnection(url, user, null);
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO sections (slug, name, description, position) VALUES ('gulf', 'Gulf', 'G.', 1)");
            statement.execute("""
                INSERT INTO articles (slug, kind, section_id, headline, standfirst, language, body_markdown, body_html,
                                      word_count, status, access, published_at, created_at)
                SELECT 'talks', 'memo', id, 'Talks in Muscat', 'Where the talks stand.', 'en',
                       'Envoys met on Monday. Both sides attended.\n\nNo agreement yet.\n\nThe draft gives the port to Oman.',
                       '<p>Envoys met on Monday. Both sides attended.</p><p>No agreement yet.</p>'
                       || '<p>The draft gives the port to Oman.</p>',
                       40, 'published', 'members', '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z'
                  FROM sections WHERE slug = 'gulf'""");
        }
        Database database = TestDatabase.postgresql() ? Database.open(url, user, null) : Database.open(dir);
        try {
            Search search = TestDatabase.postgresql() ? new PostgresSearch(database.jdbi())
                : new SqliteSearch(database.jdbi());
            Instant now = Instant.parse("2026-02-01T00:00:00Z");
            assertEquals(1, search.find(query("\"both sides attended\""), false, now, 10, 0).total(), "free part");
            assertEquals(0, search.find(query("\"draft gives the port\""), false, now, 10, 0).total(), "held back");
            assertEquals(1, search.find(query("\"draft gives the port\""), true, now, 10, 0).total(), "for members");
        } finally {
            database.close();
        }
    }

    private static SearchQuery query(String text) {
        return SearchQuery.read(Form.of(Map.of("q", text)));
    }
}
