package dispatch.membership;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The articles each reader has opened this month. */
public interface MeterDao {
    @SqlQuery("SELECT COUNT(*) FROM meter_reads WHERE reader = :reader AND month = :month")
    int count(@Bind("reader") String reader, @Bind("month") String month);

    @SqlQuery("SELECT COUNT(*) > 0 FROM meter_reads WHERE reader = :reader AND month = :month AND article_id = :article")
    boolean hasRead(@Bind("reader") String reader, @Bind("month") String month, @Bind("article") long articleId);

    @SqlUpdate("""
        INSERT INTO meter_reads (reader, month, article_id, read_at) VALUES (:reader, :month, :article, :now)
        ON CONFLICT DO NOTHING""")
    int record(@Bind("reader") String reader, @Bind("month") String month, @Bind("article") long articleId,
               @Bind("now") Instant now);
}
