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
    /** One saved state of an article; {@code snapshot} is the JSON of a {@link Snapshot}. */
    record Revision(long id, int number, String userName, String note, String snapshot, Instant createdAt) {}

    @SqlQuery("""
        SELECT r.id, r.number, u.name AS user_name, r.note, r.snapshot, r.created_at
          FROM revisions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.article_id = :articleId ORDER BY r.number DESC""")
    List<Revision> of(@Bind("articleId") long articleId);

    @SqlQuery("""
        SELECT r.id, r.number, u.name AS user_name, r.note, r.snapshot, r.created_at
          FROM revisions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.article_id = :articleId AND r.number = :number""")
    Optional<Revision> find(@Bind("articleId") long articleId, @Bind("number") int number);

    @SqlUpdate("""
        INSERT INTO revisions (article_id, number, user_id, note, snapshot, created_at)
        VALUES (:articleId, COALESCE((SELECT MAX(number) FROM revisions WHERE article_id = :articleId), 0) + 1,
                :userId, :note, :snapshot, :now)""")
    void add(@Bind("articleId") long articleId, @Bind("userId") Long userId, @Bind("note") String note,
             @Bind("snapshot") String snapshot, @Bind("now") Instant now);
}
