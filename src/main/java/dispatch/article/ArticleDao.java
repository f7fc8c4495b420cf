package dispatch.article;

import dispatch.web.KeyedListing;
import dispatch.web.KeyedListing.Key;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Articles as readers see them: only those published at or before {@code now}, so that a
 * piece scheduled for later stays out of every list until its time.
 */
@RegisterConstructorMapper(ArticleRow.class)
@RegisterConstructorMapper(ArticleSummary.class)
@RegisterConstructorMapper(Correction.class)
public interface ArticleDao {

    String SUMMARY = """
        SELECT a.id, a.slug, a.kind, a.headline, a.standfirst, a.published_at,
               s.slug AS section_slug, s.name AS section_name, a.access, a.language
          FROM articles a JOIN sections s ON s.id = a.section_id
        """;
    String LIVE = " a.status = 'published' AND a.published_at <= :now ";

    @SqlQuery("""
        SELECT a.id, a.slug, a.kind, a.section_id, a.headline, a.standfirst, a.dateline, a.language,
               a.body_html, a.word_count, a.lead_image_id, a.access, a.published_at, a.updated_at
          FROM articles a WHERE a.slug = :slug AND""" + LIVE)
    Optional<ArticleRow> findLive(@Bind("slug") String slug, @Bind("now") Instant now);

    @SqlQuery(SUMMARY + " WHERE" + LIVE + "ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
    List<ArticleSummary> latest(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery(SUMMARY + " WHERE" + LIVE + "AND a.kind = :kind ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
    List<ArticleSummary> latestOfKind(@Bind("kind") String kind, @Bind("now") Instant now, @Bind("limit") int limit);

    /*
     * The lists by key (see dispatch.web.KeyedListing): older articles than a key, newest first, or
     * newer ones, oldest first. Each puts a single bound on published_at (the key's time, or now
     * if that is earlier: :upper), so that SQLite reads the index from the key on rather than
     * from now down to it; the OR then settles the ties on the key's own second. The writer's and
     * topic's lists walk the articles by time and test each for the writer or topic, which costs
     * the same at any depth.
     */
    String OLDER = "\n" + """
         AND a.status = 'published' AND a.published_at <= :upper AND (a.published_at < :at OR a.id < :id)
         ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :skip""";
    String NEWER = "\n" + """
         AND a.status = 'published' AND a.published_at >= :at AND a.published_at <= :now
         AND (a.published_at > :at OR a.id > :id)
         ORDER BY a.published_at, a.id LIMIT :limit OFFSET :skip""";
    String IN_SECTION = SUMMARY + " WHERE a.section_id = :of";
    String IN_TOPIC = SUMMARY + " WHERE EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic_id = :of)";
    String BY_AUTHOR = SUMMARY + " WHERE EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = :of)";

    @SqlQuery(IN_SECTION + OLDER)
    List<ArticleSummary> olderInSection(@Bind("of") long sectionId, @Bind("upper") Instant upper, @Bind("at") Instant at,
                                        @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    @SqlQuery(IN_SECTION + NEWER)
    List<ArticleSummary> newerInSection(@Bind("of") long sectionId, @Bind("now") Instant now, @Bind("at") Instant at,
                                        @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    @SqlQuery(IN_TOPIC + OLDER)
    List<ArticleSummary> olderInTopic(@Bind("of") long topicId, @Bind("upper") Instant upper, @Bind("at") Instant at,
                                      @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    @SqlQuery(IN_TOPIC + NEWER)
    List<ArticleSummary> newerInTopic(@Bind("of") long topicId, @Bind("now") Instant now, @Bind("at") Instant at,
                                      @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    @SqlQuery(BY_AUTHOR + OLDER)
    List<ArticleSummary> olderByAuthor(@Bind("of") long authorId, @Bind("upper") Instant upper, @Bind("at") Instant at,
                                       @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    @SqlQuery(BY_AUTHOR + NEWER)
    List<ArticleSummary> newerByAuthor(@Bind("of") long authorId, @Bind("now") Instant now, @Bind("at") Instant at,
                                       @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    /** A section's live articles past {@code bound} (see {@link KeyedListing.Window}). */
    default List<ArticleSummary> inSection(long sectionId, Instant now, Key bound, boolean older, int limit, int skip) {
        return older ? olderInSection(sectionId, earlier(now, bound), bound.at(), bound.id(), limit, skip)
            : newerInSection(sectionId, now, bound.at(), bound.id(), limit, skip);
    }

    default List<ArticleSummary> inTopic(long topicId, Instant now, Key bound, boolean older, int limit, int skip) {
        return older ? olderInTopic(topicId, earlier(now, bound), bound.at(), bound.id(), limit, skip)
            : newerInTopic(topicId, now, bound.at(), bound.id(), limit, skip);
    }

    default List<ArticleSummary> byAuthor(long authorId, Instant now, Key bound, boolean older, int limit, int skip) {
        return older ? olderByAuthor(authorId, earlier(now, bound), bound.at(), bound.id(), limit, skip)
            : newerByAuthor(authorId, now, bound.at(), bound.id(), limit, skip);
    }

    private static Instant earlier(Instant now, Key bound) {
        return bound.at().isBefore(now) ? bound.at() : now;
    }

    @SqlQuery("SELECT COUNT(*) FROM articles a WHERE" + LIVE + "AND a.section_id = :sectionId")
    int countInSection(@Bind("sectionId") long sectionId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM articles a JOIN article_topics t ON t.article_id = a.id WHERE"
        + LIVE + "AND t.topic_id = :topicId")
    int countInTopic(@Bind("topicId") long topicId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM articles a JOIN article_authors w ON w.article_id = a.id WHERE"
        + LIVE + "AND w.author_id = :authorId")
    int countByAuthor(@Bind("authorId") long authorId, @Bind("now") Instant now);

    /** Articles sharing the most topics with this one, newest first among equals. */
    @SqlQuery(SUMMARY + """
          JOIN article_topics t ON t.article_id = a.id
         WHERE t.topic_id IN (SELECT topic_id FROM article_topics WHERE article_id = :articleId)
           AND a.id <> :articleId AND""" + LIVE + """
         GROUP BY a.id, a.slug, a.kind, a.headline, a.standfirst, a.published_at, s.slug, s.name, a.access, a.language
         ORDER BY COUNT(*) DESC, a.published_at DESC LIMIT :limit""")
    List<ArticleSummary> related(@Bind("articleId") long articleId, @Bind("now") Instant now, @Bind("limit") int limit);

    /** The other language versions of an article: its original and the original's other translations. */
    @SqlQuery("""
        SELECT a.language, a.slug FROM articles a
         WHERE COALESCE(a.translation_of, a.id) = (SELECT COALESCE(translation_of, id) FROM articles WHERE id = :articleId)
           AND a.id <> :articleId AND""" + LIVE + "ORDER BY a.language")
    @RegisterConstructorMapper(Translation.class)
    List<Translation> translations(@Bind("articleId") long articleId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE articles SET translation_of = (SELECT id FROM articles WHERE slug = :original) WHERE slug = :slug")
    void markTranslation(@Bind("slug") String slug, @Bind("original") String original);

    @SqlQuery("SELECT corrected_on, text FROM corrections WHERE article_id = :articleId ORDER BY corrected_on")
    List<Correction> corrections(@Bind("articleId") long articleId);

    @SqlQuery("""
        INSERT INTO articles (slug, kind, section_id, headline, standfirst, dateline, language, body_markdown,
                              body_html, free_text, word_count, lead_image_id, status, access, published_at,
                              updated_at, created_at)
        VALUES (:slug, :kind, :sectionId, :headline, :standfirst, :dateline, :language, :bodyMarkdown,
                :bodyHtml, :freeText, :wordCount, :leadImageId, :status, :access, :publishedAt, :updatedAt,
                :createdAt)
        RETURNING id""")
    long insert(@Bind("slug") String slug, @Bind("kind") String kind, @Bind("sectionId") long sectionId,
                @Bind("headline") String headline, @Bind("standfirst") String standfirst,
                @Bind("dateline") String dateline, @Bind("language") String language,
                @Bind("bodyMarkdown") String bodyMarkdown, @Bind("bodyHtml") String bodyHtml,
                @Bind("freeText") String freeText, @Bind("wordCount") int wordCount,
                @Bind("leadImageId") Long leadImageId,
                @Bind("status") String status, @Bind("access") String access,
                @Bind("publishedAt") Instant publishedAt, @Bind("updatedAt") Instant updatedAt,
                @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO corrections (article_id, corrected_on, text) VALUES (:articleId, :correctedOn, :text)")
    void addCorrection(@Bind("articleId") long articleId, @Bind("correctedOn") LocalDate correctedOn,
                       @Bind("text") String text);

    @SqlQuery("SELECT COUNT(*) FROM articles")
    int count();
}
