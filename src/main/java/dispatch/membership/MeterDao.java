package dispatch.membership;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The articles each signed-in reader has opened in a month (reader 'u' and the account id). A
 * reader without an account carries their month in the meter cookie instead (see {@link Meter}).
 */
public interface MeterDao {
    /** How many articles a reader opened in a month, and whether this one was among them: one look-up per page. */
    record Month(int used, boolean read) {}

    @SqlQuery("""
        SELECT COUNT(*) AS used, COUNT(CASE WHEN article_id = :article THEN 1 END) > 0 AS read
          FROM meter_reads WHERE reader = :reader AND month = :month""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Month.class)
    Month month(@Bind("reader") String reader, @Bind("month") String month, @Bind("article") long articleId);

    @SqlUpdate("""
        INSERT INTO meter_reads (reader, month, article_id, read_at) VALUES (:reader, :month, :article, :now)
        ON CONFLICT DO NOTHING""")
    int record(@Bind("reader") String reader, @Bind("month") String month, @Bind("article") long articleId,
               @Bind("now") Instant now);
}
