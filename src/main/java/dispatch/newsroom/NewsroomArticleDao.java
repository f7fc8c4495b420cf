package dispatch.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Articles as the newsroom reads and writes them, whatever their status. */
@RegisterConstructorMapper(EditableArticle.class)
@RegisterConstructorMapper(ArticleListing.class)
public interface NewsroomArticleDao {
    String COLUMNS = """
        id, slug, kind, section_id, headline, standfirst, dateline, language, body_markdown, lead_image_id,
        status, access, published_at, updated_at, version""";

    @SqlQuery("SELECT " + COLUMNS + " FROM articles WHERE id = :id")
    Optional<EditableArticle> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM articles WHERE slug = :slug")
    Optional<EditableArticle> findBySlug(@Bind("slug") String slug);

    @SqlQuery("SELECT " + COLUMNS + " FROM articles WHERE status = 'published' ORDER BY published_at DESC")
    List<EditableArticle> allPublished();

    /**
     * The published and scheduled articles that show an image: as their lead image, or (a
     * superset, which the checks then narrow) whose text names it.
     */
    @SqlQuery("SELECT " + COLUMNS + " " + """
         FROM articles WHERE status = 'published' AND (lead_image_id = :id OR body_markdown LIKE :reference)
         ORDER BY published_at DESC""")
    List<EditableArticle> showingImage(@Bind("id") long id, @Bind("reference") String reference);

    /**
     * How many published and scheduled articles name an image in their text, as
     * {@code ![](image:NAME)} or {@code ![](image:NAME "title")}, so that an upload never takes that name.
     */
    @SqlQuery("""
        SELECT COUNT(*) FROM articles
         WHERE status = 'published' AND (body_markdown LIKE '%image:' || :name || ')%'
                                          OR body_markdown LIKE '%image:' || :name || ' %')""")
    int namingImage(@Bind("name") String name);

    @SqlQuery("""
        SELECT a.id, a.slug, a.headline, a.kind, s.name AS section_name, a.status, a.published_at,
               COALESCE(a.modified_at, a.created_at) AS modified_at,
               EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.review = 'pending') AS suggested
          FROM articles a JOIN sections s ON s.id = a.section_id
         ORDER BY COALESCE(a.modified_at, a.created_at) DESC, a.id DESC LIMIT :limit OFFSET :offset""")
    List<ArticleListing> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM articles")
    int count();

    @SqlQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id")
    int slugTaken(@Bind("slug") String slug, @Bind("id") long id);

    @SqlQuery("SELECT author_id FROM article_authors WHERE article_id = :id ORDER BY position")
    List<Long> authorIds(@Bind("id") long id);

    @SqlQuery("SELECT topic_id FROM article_topics WHERE article_id = :id")
    List<Long> topicIds(@Bind("id") long id);

    /** Saves an edit only if nobody else saved since {@code version} was read; returns the rows changed (0 or 1). */
    @SqlUpdate("""
        UPDATE articles SET slug = :slug, kind = :kind, section_id = :sectionId, headline = :headline,
               standfirst = :standfirst, dateline = :dateline, language = :language, body_markdown = :bodyMarkdown,
               body_html = :bodyHtml, free_text = :freeText, word_count = :wordCount, lead_image_id = :leadImageId,
               status = :status,
               access = :access, published_at = :publishedAt, updated_at = :updatedAt, modified_at = :now,
               version = version + 1
         WHERE id = :id AND version = :version""")
    int update(@Bind("id") long id, @Bind("version") int version, @Bind("slug") String slug, @Bind("kind") String kind,
               @Bind("sectionId") long sectionId, @Bind("headline") String headline,
               @Bind("standfirst") String standfirst, @Bind("dateline") String dateline,
               @Bind("language") String language, @Bind("bodyMarkdown") String bodyMarkdown,
               @Bind("bodyHtml") String bodyHtml, @Bind("freeText") String freeText,
               @Bind("wordCount") int wordCount,
               @Bind("leadImageId") Long leadImageId, @Bind("status") String status, @Bind("access") String access,
               @Bind("publishedAt") Instant publishedAt, @Bind("updatedAt") Instant updatedAt,
               @Bind("now") Instant now);

    /** Marks a change that is not an edit of the text (a correction), without invalidating open edit forms. */
    @SqlUpdate("UPDATE articles SET modified_at = :now WHERE id = :id")
    void touch(@Bind("id") long id, @Bind("now") Instant now);

    /**
     * Gives an article its text rendered again, when an image it shows was described anew (the
     * figure carries the alt text and caption), without invalidating open edit forms.
     */
    @SqlUpdate("UPDATE articles SET body_html = :bodyHtml, modified_at = :now WHERE id = :id")
    void rerender(@Bind("id") long id, @Bind("bodyHtml") String bodyHtml, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM article_authors WHERE article_id = :id")
    void clearAuthors(@Bind("id") long id);

    @SqlUpdate("DELETE FROM article_topics WHERE article_id = :id")
    void clearTopics(@Bind("id") long id);
}
