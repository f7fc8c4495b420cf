package dispatch.search;

import dispatch.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search over 10,000 generated articles: builds a throwaway database with the real migrations,
 * fills it, then times a fixed mix of queries (words, phrases, filters, misses) and prints the
 * median and the worst time. Run with {@code make bench-search}; it is a benchmark, not a test,
 * and the README records its latest figures.
 */
public final class SearchBenchmark {
    private static final int ARTICLES = 10_000;
    private static final int ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dispatch-search-bench");
        Database db = Database.open(dir);
        List<String> words = vocabulary();
        long start = System.nanoTime();
        fill(db, words);
        System.out.printf("Indexed %,d articles in %.1f s%n", ARTICLES, (System.nanoTime() - start) / 1e9);

        Search search = new SqliteSearch(db.jdbi());
        List<SearchQuery> queries = List.of(
            new SearchQuery("pipeline", "", "", "", null, null),
            new SearchQuery("election results", "", "", "", null, null),
            new SearchQuery("\"central bank\"", "", "", "", null, null),
            new SearchQuery("drought river dam", "", "", "", null, null),
            new SearchQuery("ceasefire", "section-2", "", "", null, null),
            new SearchQuery("inflation", "", "analysis", "", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
            new SearchQuery("the", "", "", "", null, null),
            new SearchQuery("zzqxqzz", "", "", "", null, null));
        Instant now = Instant.now();
        for (SearchQuery q : queries) {
            long t = System.nanoTime();
            var found = search.find(q, false, now, 10, 0); // warm up, and show what each query finds
            System.out.printf("  %-60s %,6d matches, first page in %.1f ms%n", q, found.total(), (System.nanoTime() - t) / 1e6);
        }
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (SearchQuery q : queries) {
                long t = System.nanoTime();
                search.find(q, false, now, 10, round % 3 * 10);
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%d queries over %,d articles: median %.2f ms, 95th percentile %.2f ms, worst %.2f ms%n",
            sorted.length, ARTICLES, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
            sorted[sorted.length - 1]);
    }

    private static List<String> vocabulary() {
        return Arrays.asList(("""
            government minister election results parliament coalition opposition vote turnout inflation central bank
            currency budget oil gas pipeline refinery export import drought river dam water harvest border ceasefire
            talks agreement treaty corridor railway port shipping strait sanctions nuclear programme protest court
            reform reconstruction refugees return camp aid convoy hospital school city village province capital the
            of and in to a for on with from after before during between against about new old first last year month
            """).strip().split("\\s+"));
    }

    private static void fill(Database db, List<String> words) {
        Random random = new Random(42);
        db.jdbi().useTransaction(h -> {
            for (int s = 1; s <= 6; s++) {
                h.execute("INSERT INTO sections (slug, name, description, position) VALUES (?, ?, ?, ?)",
                    "section-" + s, "Section " + s, "Generated", s);
            }
            String[] kinds = {"news", "analysis", "opinion", "memo", "report"};
            var batch = h.prepareBatch("""
                INSERT INTO articles (slug, kind, section_id, headline, standfirst, dateline, language, body_markdown,
                    body_html, word_count, status, access, published_at, created_at)
                VALUES (:slug, :kind, :section, :headline, :standfirst, NULL, 'en', :body, '', 0, 'published', 'free',
                    :published, :published)""");
            for (int i = 0; i < ARTICLES; i++) {
                String published = Instant.parse("2019-01-01T00:00:00Z").plusSeconds(random.nextInt(7 * 365 * 86400)).toString();
                batch.bind("slug", "article-" + i).bind("kind", kinds[random.nextInt(kinds.length)])
                    .bind("section", 1 + random.nextInt(6)).bind("headline", sentence(random, words, 10))
                    .bind("standfirst", sentence(random, words, 30)).bind("body", paragraphs(random, words))
                    .bind("published", published).add();
            }
            batch.execute();
        });
    }

    private static String paragraphs(Random random, List<String> words) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            body.append(sentence(random, words, 80)).append("\n\n");
        }
        return body.toString();
    }

    private static String sentence(Random random, List<String> words, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return s.append('.').toString();
    }

    private SearchBenchmark() {}
}
