package dispatch.archive;

import dispatch.Config;
import dispatch.account.Passwords;
import dispatch.article.BodyRenderer;
import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills a database with an archive of the size a real outlet has: by default 200,000 published
 * articles over twenty years, across the demo publication's sections, topics and writers, with
 * bodies of several paragraphs (rendered as the newsroom renders them, so the stored HTML, the
 * free text and the search index are what the site would have written), 100,000 reader
 * accounts and 2,000,000 meter reads. The prose is assembled at random from a small stock of
 * sentences written for this purpose. Rows go in through prepared batches, a few thousand to a
 * transaction, so the whole archive takes minutes.
 *
 * <p>Run as a program ({@code make bench-archive} does) with the site's own DISPATCH_*
 * settings, so the archive lands in the database the site will open:
 * {@code ArchiveGenerator [articles] [meterReads] [readers]}. Tests call {@link #generate}.
 */
public final class ArchiveGenerator {
    static final int BATCH = 2_000;
    private static final Duration SPAN = Duration.ofDays(20 * 365 + 5);
    private static final String[] KINDS = {"news", "news", "news", "analysis", "opinion", "report", "memo"};

    private final Database db;
    private final Random random;
    private final Instant now;
    private final BodyRenderer renderer = new BodyRenderer(name -> Optional.empty());

    /** What was generated: the numbers the bench prints. */
    public record Counts(int articles, int meterReads, int readers) {}

    public ArchiveGenerator(Database db, Instant now, long seed) {
        this.db = db;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.random = new Random(seed);
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Config config = Config.fromEnvironment(System.getenv());
        try (Database db = Database.open(config)) {
            new DemoPublication(db, config.dataDir()).loadIfEmpty();
            long start = System.nanoTime();
            Counts counts = new ArchiveGenerator(db, Instant.now(), 20261207L).generate(articles, reads, readers);
            System.out.printf(Locale.ROOT, "Generated %,d articles, %,d meter reads and %,d reader accounts in %.0f s%n",
                counts.articles(), counts.meterReads(), counts.readers(), (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Adds the articles, readers and meter reads to a database that already holds sections,
     * topics and writers (the demo publication's, say). The newest article is published an hour
     * before {@code now}, so the news sitemap has something to list.
     */
    public Counts generate(int articles, int meterReads, int readers) {
        // Spread evenly over twenty years, oldest first, so ids rise with time as they do in a
        // real archive; the last is an hour old.
        long firstId = insertArticles(articles, i -> now.minus(Duration.ofHours(1))
            .minusSeconds(SPAN.toSeconds() * (articles - 1L - i) / Math.max(1, articles - 1)));
        insertReaders(readers);
        insertMeterReads(meterReads, firstId, articles);
        return new Counts(articles, meterReads, readers);
    }

    /** Adds {@code count} articles published within the last {@code window}, newest last, as a busy news day does. */
    public void addRecent(int count, Duration window) {
        long step = window.toSeconds() / (count + 1L);
        insertArticles(count, i -> now.minus(window).plusSeconds(step * (i + 1L)));
    }

    private List<Long> ids(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
    }

    private long insertArticles(int count, java.util.function.IntFunction<Instant> publishedAt) {
        List<Long> sections = ids("SELECT id FROM sections ORDER BY id");
        List<Long> topics = ids("SELECT id FROM topics ORDER BY id");
        List<Long> writers = ids("SELECT id FROM authors ORDER BY id");
        if (sections.isEmpty() || topics.isEmpty() || writers.isEmpty()) {
            throw new IllegalStateException("the archive needs sections, topics and writers to file articles under");
        }
        long before = db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles")
            .mapTo(Long.class).one());
        long numbered = before;  // slugs carry a number no earlier article can have
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            int first = from;
            db.jdbi().useTransaction(h -> {
                PreparedBatch articles = h.prepareBatch("""
                    INSERT INTO articles (slug, kind, section_id, headline, standfirst, dateline, language,
                        body_markdown, body_html, free_text, word_count, status, access, published_at, updated_at,
                        created_at)
                    VALUES (:slug, :kind, :section, :headline, :standfirst, :dateline, 'en', :markdown, :html,
                        :freeText, :words, 'published', :access, :published, NULL, :published)""");
                for (int i = first; i < to; i++) {
                    Instant published = publishedAt.apply(i);
                    String headline = headline();
                    String markdown = body();
                    BodyRenderer.Rendered rendered = renderer.render(markdown);
                    articles.bind("slug", slug(headline, numbered + i)).bind("kind", pick(KINDS))
                        .bind("section", sections.get(random.nextInt(sections.size())))
                        .bind("headline", headline).bind("standfirst", sentence() + " " + sentence())
                        .bind("dateline", pick(PLACES).toUpperCase(Locale.ROOT)).bind("markdown", markdown)
                        .bind("html", rendered.html()).bind("freeText", rendered.freeText())
                        .bind("words", rendered.wordCount())
                        .bind("access", random.nextInt(10) == 0 ? "members" : "free")
                        .bind("published", published).add();
                }
                articles.execute();
                credit(h, first, to, topics, writers);
            });
        }
        return before + 1;
    }

    /** Topics and writers for the batch just inserted, found again by their slugs' numbers. */
    private void credit(Handle h, int from, int to, List<Long> topics, List<Long> writers) {
        List<Long> ids = h.createQuery("SELECT id FROM articles WHERE slug LIKE 'archive-%' ORDER BY id DESC LIMIT :n")
            .bind("n", to - from).mapTo(Long.class).list();
        PreparedBatch tags = h.prepareBatch("INSERT INTO article_topics (article_id, topic_id) VALUES (:a, :t)");
        PreparedBatch bylines = h.prepareBatch(
            "INSERT INTO article_authors (article_id, author_id, position) VALUES (:a, :w, :p)");
        for (long id : ids) {
            int first = random.nextInt(topics.size());
            int howMany = 1 + random.nextInt(Math.min(3, topics.size()));
            for (int k = 0; k < howMany; k++) {
                tags.bind("a", id).bind("t", topics.get((first + k) % topics.size())).add();
            }
            int writer = random.nextInt(writers.size());
            bylines.bind("a", id).bind("w", writers.get(writer)).bind("p", 1).add();
            if (writers.size() > 1 && random.nextInt(5) == 0) {
                bylines.bind("a", id).bind("w", writers.get((writer + 1) % writers.size())).bind("p", 2).add();
            }
        }
        tags.execute();
        bylines.execute();
    }

    /**
     * Reader accounts that cannot sign in: they share one bcrypt hash of a random password that
     * is thrown away, so nobody knows it (and hashing 100,000 passwords would take hours).
     */
    private void insertReaders(int count) {
        String hash = Passwords.hash("unknown-" + random.nextLong() + "-" + System.nanoTime());
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            int first = from;
            db.jdbi().useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO users (email, name, role, password_hash, disabled, created_at, email_verified_at)
                    VALUES (:email, :name, 'reader', :hash, FALSE, :created, :created)""");
                for (int i = first; i < to; i++) {
                    Instant created = now.minusSeconds((long) (random.nextDouble() * SPAN.toSeconds()));
                    batch.bind("email", "reader-" + i + "@archive.example").bind("name", "Reader " + (i + 1))
                        .bind("hash", hash).bind("created", created).add();
                }
                batch.execute();
            });
        }
    }

    /**
     * Meter reads: each reader (anonymous, by a cookie id) opens a run of distinct articles in one
     * month; reader, month and article together are unique, as the table's key asks.
     */
    private void insertMeterReads(int count, long firstArticle, int articles) {
        final int perReader = 10;
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            int first = from;
            db.jdbi().useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO meter_reads (reader, month, article_id, read_at) VALUES (:reader, :month, :article, :at)");
                for (int i = first; i < to; i++) {
                    int reader = i / perReader;
                    Instant at = now.minus(Duration.ofDays(reader % 24 * 30L)).minusSeconds(i % perReader * 60L);
                    long article = firstArticle + (reader * 7919L + i % perReader) % articles;
                    batch.bind("reader", String.format(Locale.ROOT, "a%020d", reader))
                        .bind("month", at.atOffset(ZoneOffset.UTC).toString().substring(0, 7))
                        .bind("article", article).bind("at", at).add();
                }
                batch.execute();
            });
        }
    }

    private static String slug(String headline, long i) {
        String words = headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "archive-" + i + "-" + (words.length() > 80 ? words.substring(0, 80).replaceAll("-[a-z0-9]*$", "") : words);
    }

    private String headline() {
        return String.format(Locale.ROOT, pick(HEADLINES), pick(SUBJECTS), pick(PLACES));
    }

    private String sentence() {
        return String.format(Locale.ROOT, pick(SENTENCES), pick(SUBJECTS), pick(PLACES));
    }

    /** Four to nine paragraphs of three to six sentences: the length of a news story. */
    private String body() {
        StringBuilder body = new StringBuilder();
        int paragraphs = 4 + random.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            if (p == 3 && random.nextBoolean()) {
                body.append("## ").append(headline()).append("\n\n");
            }
            int sentences = 3 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                body.append(s == 0 ? "" : " ").append(sentence());
            }
            body.append("\n\n");
        }
        return body.toString();
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private static final String[] PLACES = {
        "Diyarbakir", "Erbil", "Sulaymaniyah", "Mosul", "Kirkuk", "Qamishli", "Van", "Hakkari", "Duhok",
        "Sanandaj", "Kobani", "Batman", "Mardin", "Halabja", "Zakho", "Raqqa", "Ankara", "Baghdad", "Tehran",
        "Damascus", "the border province", "the river valley", "the capital", "the mountain villages"};

    private static final String[] SUBJECTS = {
        "the provincial council", "farmers", "teachers", "the water authority", "local traders", "the electricity board",
        "a group of lawyers", "hospital staff", "returning families", "the municipality", "students", "bus drivers",
        "the chamber of commerce", "women's cooperatives", "the railway company", "aid workers", "the courts",
        "shepherds", "fishermen", "the customs office", "journalists", "the football club", "the city archive"};

    private static final String[] HEADLINES = {
        "Talks between %s and officials stall in %s", "New road opens a way for %s near %s",
        "Drought tests the patience of %s in %s", "Court ruling leaves %s in %s waiting",
        "Budget cuts reach %s in %s", "A quiet winter for %s in %s", "Power cuts return for %s across %s",
        "Election promises meet %s in %s", "Prices rise again, say %s in %s", "Floods force %s to move out of %s",
        "What %s want from the new plan for %s", "Border crossing reopens, and %s in %s count the cost",
        "A census without %s: questions in %s", "Harvest figures surprise %s around %s"};

    private static final String[] SENTENCES = {
        "According to %s, the change came without warning in %s.",
        "Nobody we spoke to among %s expected the decision to hold for long in %s.",
        "Figures shared by %s suggest the numbers have doubled since last spring in %s.",
        "Officials declined to comment when %s asked about the delays in %s.",
        "For %s, the first weeks were the hardest, as supplies to %s ran short.",
        "The plan was announced twice before, and %s say little changed on the ground in %s.",
        "Several of %s said they had written to the ministry about conditions in %s.",
        "It is not the first time that %s have raised the matter in %s.",
        "A spokesperson for %s said that talks would resume after the holiday in %s.",
        "Prices at the market have risen by a third, %s told us on a visit to %s.",
        "The road that %s use each morning was closed for most of the week near %s.",
        "Some of %s now travel two hours a day to reach work outside %s.",
        "Records kept by %s show a steady decline over the past decade in %s.",
        "In interviews, %s described a slow return to routine in %s.",
        "The next meeting between %s and the governor of %s has not yet been scheduled.",
        "Critics among %s argue that the money never reached %s.",
        "The report, seen by %s, lists forty projects left unfinished in %s.",
        "Rain came late this year, and %s in %s are planting a month behind.",
        "Those who stayed, %s among them, say the town of %s is changing fast.",
        "Under the new rules, %s must register again before the summer in %s."};
}
