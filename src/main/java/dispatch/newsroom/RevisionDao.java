package dispatch.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RevisionDao.Revision.class)
public interface RevisionDao {
    String COLUMNS = "r.id, r.number, u.name AS user_name, r.note, r.snapshot, r.created_at, r.review";

    /**
     * One saved state of an article; {@code snapshot} is the JSON of a {@link Snapshot}.
     *
     * @param review null for what was saved to the article itself; "pending" for a suggested change
     *               waiting for an editor, "applied" once an editor has published it
     */
    record Revision(long id, int number, String userName, String note, String snapshot, Instant createdAt,
                    String review) {
        public boolean isPending() {
            return "pending".equals(review);
        }
    }

    @SqlQuery("SELECT " + COLUMNS + " " + """
         FROM revisions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.article_id = :articleId ORDER BY r.number DESC""")
    List<Revision> of(@Bind("articleId") long articleId);

    @SqlQuery("SELECT " + COLUMNS + " " + """
         FROM revisions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.article_id = :articleId AND r.number = :number""")
    Optional<Revision> find(@Bind("articleId") long articleId, @Bind("number") int number);

    /** Suggested changes waiting for an editor, the latest first. */
    @SqlQuery("SELECT " + COLUMNS + " " + """
         FROM revisions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.article_id = :articleId AND r.review = 'pending' ORDER BY r.number DESC""")
    List<Revision> pending(@Bind("articleId") long articleId);

    /** The number of the latest revision saved to the article itself: what readers get now, if it is published. */
    @SqlQuery("SELECT number FROM revisions WHERE article_id = :articleId AND review IS NULL ORDER BY number DESC LIMIT 1")
    Optional<Integer> current(@Bind("articleId") long articleId);

    @SqlUpdate("""
        INSERT INTO revisions (article_id, number, user_id, note, snapshot, created_at, review)
        VALUES (:articleId, COALESCE((SELECT MAX(number) FROM revisions WHERE article_id = :articleId), 0) + 1,
                :userId, :note, :snapshot, :now, :review)""")
    void add(@Bind("articleId") long articleId, @Bind("userId") Long userId, @Bind("note") String note,
             @Bind("snapshot") String snapshot, @Bind("now") Instant now, @Bind("review") String review);

    default void add(long articleId, Long userId, String note, String snapshot, Instant now) {
        add(articleId, userId, note, snapshot, now, null);
    }

    @SqlQuery("SELECT MAX(number) FROM revisions WHERE article_id = :articleId")
    int latest(@Bind("articleId") long articleId);

    /** Marks the suggestions up to {@code number} as published by an editor. */
    @SqlUpdate("UPDATE revisions SET review = 'applied' WHERE article_id = :articleId AND review = 'pending' AND number <= :number")
    int apply(@Bind("articleId") long articleId, @Bind("number") int number);
}
