package dispatch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.article.ArticleDao;
import dispatch.article.ArticleSummary;
import dispatch.feed.Sitemaps;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import dispatch.web.KeyedListing;
import dispatch.web.Templates;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * A generated archive of a few thousand articles over twenty years (the same generator as
 * {@code make bench-archive}, smaller): deep pages of every list are the right articles and
 * cost what the first page costs, the sitemaps split at their limit, and the news sitemap
 * keeps to two days and 1,000 articles.
 */
@Tag("postgresql")
class ArchiveScaleTest {
    private static final int ARTICLES = 4_000;
    private static final int RECENT = 1_100;
    private static TestSite site;

    @BeforeAll
    static void generate() {
        site = TestSite.freshlyLoadedDemo();
        ArchiveGenerator generator = new ArchiveGenerator(site.database(), Instant.now(), 7L);
        generator.generate(ARTICLES, 5_000, 300);
        generator.addRecent(RECENT, Duration.ofHours(36));
    }

    @AfterAll
    static void close() {
        site.close();
    }

    /** The slugs of a list's articles in the order the site shows them, by SQL of the test's own. */
    private static List<String> expected(String from, String where, Map<String, Object> binds, String order) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT a.slug FROM articles a " + from
                + " WHERE a.status = 'published' AND a.published_at <= :now AND " + where
                + " ORDER BY a.published_at " + order + ", a.id " + order)
            .bindMap(binds).bind("now", Instant.now()).mapTo(String.class).list());
    }

    private static String keyOf(String slug) {
        return site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT published_at || '-' || id FROM articles WHERE slug = :s").bind("s", slug).mapTo(String.class).one());
    }

    private static List<String> shown(String path) {
        var response = site.get(path);
        assertEquals(200, response.statusCode(), path);
        Document doc = Jsoup.parse(response.body());
        return doc.select("main .app-card h2 a, main .app-card h3 a").eachAttr("href").stream()
            .map(href -> href.substring("/articles/".length())).toList();
    }

    private static long id(String table, String slug) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM " + table + " WHERE slug = :s")
            .bind("s", slug).mapTo(Long.class).one());
    }

    /** A deep page: the one that continues after the article at {@code position}, going older. */
    private static void deepPageHoldsTheRightArticles(String path, List<String> all) {
        assertTrue(all.size() > 60, path + " has too few articles to go deep: " + all.size());
        int position = all.size() * 4 / 5;
        List<String> page = shown(path + "?before=" + keyOf(all.get(position - 1)));
        assertEquals(all.subList(position, Math.min(all.size(), position + 10)), page, path);
        List<String> last = shown(path + "?page=last");
        assertEquals(all.subList(all.size() - 10, all.size()), last, path + " last page");
    }

    @Test
    void deep_pages_of_a_section_a_topic_and_a_writer_hold_the_right_articles() {
        long section = id("sections", "turkey");
        deepPageHoldsTheRightArticles("/sections/turkey",
            expected("", "a.section_id = :of", Map.of("of", section), "DESC"));
        long topic = id("topics", "energy");
        deepPageHoldsTheRightArticles("/topics/energy", expected("",
            "EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic_id = :of)", Map.of("of", topic), "DESC"));
        long writer = id("authors", "emre-kaya");
        deepPageHoldsTheRightArticles("/authors/emre-kaya", expected("",
            "EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = :of)", Map.of("of", writer), "DESC"));
    }

    @Test
    void an_archive_month_pages_oldest_first_to_its_end() {
        Instant aYearAgo = Instant.now().minus(Duration.ofDays(400));
        String month = aYearAgo.atOffset(ZoneOffset.UTC).toString().substring(0, 7);
        Instant start = Instant.parse(month + "-01T00:00:00Z");
        Instant end = start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        List<String> all = expected("", "a.published_at >= :start AND a.published_at < :end",
            Map.of("start", start, "end", end), "ASC");
        assertTrue(all.size() > 10, "a month of the generated archive holds more than a page: " + all.size());
        String path = "/archive/" + month.replace('-', '/');
        assertEquals(all.subList(0, 10), shown(path));
        List<String> second = shown(path + "?after=" + keyOf(all.get(9)));
        assertEquals(all.subList(10, Math.min(all.size(), 20)), second);
        assertEquals(all.subList(Math.max(0, all.size() - 10), all.size()), shown(path + "?page=last"));
    }

    /**
     * What a list's query costs: on SQLite the virtual machine's steps (rows read and tested),
     * counted by a progress handler; on PostgreSQL the rows its plan nodes read and discarded,
     * from EXPLAIN ANALYZE of the same SQL with the same values. Wall time is no measure on a
     * shared machine.
     */
    private static long cost(String sql, Map<String, Object> binds, java.util.function.Function<Handle, ?> call) {
        try {
            return measured(sql, binds, call);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long measured(String sql, Map<String, Object> binds, java.util.function.Function<Handle, ?> call)
            throws SQLException {
        return site.database().jdbi().withHandle(h -> {
            if (TestDatabase.postgresql()) {
                String plan = String.join("\n", h.createQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).bindMap(binds)
                    .mapTo(String.class).list());
                long rows = 0;
                Matcher m = Pattern.compile("\"(?:Actual Rows|Rows Removed by Filter)\": (\\d+)").matcher(plan);
                while (m.find()) {
                    rows += Long.parseLong(m.group(1));
                }
                return rows;
            }
            Connection connection = h.getConnection().unwrap(SQLiteConnection.class);
            long[] steps = {0};
            try {
                ProgressHandler.setHandler(connection, 1, new ProgressHandler() {
                    @Override
                    protected int progress() {
                        steps[0]++;
                        return 0;
                    }
                });
                call.apply(h);
            } finally {
                ProgressHandler.clearHandler(connection);
            }
            return steps[0];
        });
    }

    /** A list's query, called as the site calls it: by the DAO, for the page older than {@code key}. */
    private interface ListQuery {
        List<ArticleSummary> call(ArticleDao dao, long of, Instant now, KeyedListing.Key key);
    }

    private static long cost(String sql, ListQuery query, long of, KeyedListing.Key key) {
        Instant now = Instant.now();
        Instant upper = key.at().isBefore(now) ? key.at() : now;
        return cost(sql, Map.of("of", of, "upper", upper, "at", key.at(), "id", key.id(), "limit", 11, "skip", 0),
            h -> query.call(h.attach(ArticleDao.class), of, now, key));
    }

    private static void deepCostsNoMoreThanFirst(String name, String sql, ListQuery query, long of, List<String> all) {
        long first = cost(sql, query, of, KeyedListing.Key.LATEST);
        KeyedListing.Key deepKey = KeyedListing.Key.parse(keyOf(all.get(all.size() * 4 / 5))).orElseThrow();
        long deep = cost(sql, query, of, deepKey);
        // The same work give or take the few rows on either side of the key; an OFFSET (or a scan
        // from now down to the key) would cost a multiple of the first page.
        assertTrue(deep <= first * 3 / 2 + 50, name + ": the first page costs " + first + ", a deep one " + deep);
    }

    @Test
    void a_deep_page_costs_what_the_first_page_costs() {
        long section = id("sections", "turkey");
        deepCostsNoMoreThanFirst("section", ArticleDao.IN_SECTION + ArticleDao.OLDER,
            (dao, of, now, key) -> dao.inSection(of, now, key, true, 11, 0), section,
            expected("", "a.section_id = :of", Map.of("of", section), "DESC"));
        long topic = id("topics", "energy");
        deepCostsNoMoreThanFirst("topic", ArticleDao.IN_TOPIC + ArticleDao.OLDER,
            (dao, of, now, key) -> dao.inTopic(of, now, key, true, 11, 0), topic, expected("",
            "EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic_id = :of)", Map.of("of", topic), "DESC"));
        long writer = id("authors", "emre-kaya");
        deepCostsNoMoreThanFirst("writer", ArticleDao.BY_AUTHOR + ArticleDao.OLDER,
            (dao, of, now, key) -> dao.byAuthor(of, now, key, true, 11, 0), writer, expected("",
            "EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = :of)", Map.of("of", writer), "DESC"));
    }

    @Test
    void the_sitemap_index_lists_one_file_per_block_of_articles_and_each_file_keeps_to_its_limit() {
        int perFile = 500;
        Sitemaps sitemaps = new Sitemaps(site.database(), new Templates(), Clock.systemUTC(), "Archive", perFile);
        List<Long> live = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM articles WHERE status = 'published' AND published_at <= :now ORDER BY id")
            .bind("now", Instant.now()).mapTo(Long.class).list());
        long blocks = live.stream().map(id -> (id - 1) / perFile).distinct().count();
        assertTrue(blocks >= 10, "enough articles for ten files: " + blocks);

        Document index = Jsoup.parse(sitemaps.index("https://news.example"), "", Parser.xmlParser());
        List<String> files = index.select("sitemapindex > sitemap > loc").eachText();
        assertEquals(1 + blocks, files.size());
        assertEquals("https://news.example/sitemaps/pages.xml", files.get(0));
        List<String> listed = new ArrayList<>();
        for (String file : files.subList(1, files.size())) {
            String name = file.substring("https://news.example/sitemaps/".length());
            List<String> locs = Jsoup.parse(sitemaps.file(name, "https://news.example").orElseThrow(), "", Parser.xmlParser())
                .select("urlset > url > loc").eachText();
            assertTrue(locs.size() <= perFile, name + " lists " + locs.size());
            listed.addAll(locs);
        }
        assertEquals(live.size(), listed.size());
        assertEquals(live.size(), new HashSet<>(listed).size(), "no article in two files");
        assertTrue(sitemaps.file("articles-" + (files.size() + 5) + ".xml", "https://news.example").isEmpty());
    }

    @Test
    void the_news_sitemap_keeps_to_two_days_and_a_thousand_articles() {
        var response = site.get("/sitemap-news.xml");
        assertEquals(200, response.statusCode());
        Document xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
        List<String> dates = xml.select("url news|publication_date").eachText();
        assertEquals(1_000, dates.size(), "more than 1,000 articles in two days, so exactly 1,000 listed");
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        assertTrue(dates.stream().map(Instant::parse).allMatch(d -> d.isAfter(twoDaysAgo)));
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates, "newest first");
        List<String> newest = expected("", "a.published_at >= :since", Map.of("since", twoDaysAgo), "DESC");
        assertEquals(newest.subList(0, 1_000).stream().map(s -> site.url("/articles/" + s)).toList(),
            xml.select("url > loc").eachText());
    }
}
