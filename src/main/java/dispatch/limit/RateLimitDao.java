package dispatch.limit;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The counters behind {@link RateLimits}, on SQLite and PostgreSQL alike. */
@RegisterConstructorMapper(RateLimitDao.Count.class)
public interface RateLimitDao {
    /** A bucket's count in its current window, and when that window ends (epoch milliseconds). */
    record Count(int hits, long windowEnds) {}

    /**
     * Counts one hit, in one statement, so that requests arriving together each see their own
     * number: the row is locked (PostgreSQL) or the database is (SQLite) while it changes. A
     * window that has ended starts again at one.
     */
    @SqlQuery("""
        INSERT INTO rate_limits (bucket, hits, window_ends) VALUES (:bucket, 1, :ends)
        ON CONFLICT (bucket) DO UPDATE SET
            hits = CASE WHEN rate_limits.window_ends <= :now THEN 1 ELSE rate_limits.hits + 1 END,
            window_ends = CASE WHEN rate_limits.window_ends <= :now THEN :ends ELSE rate_limits.window_ends END
        RETURNING hits, window_ends""")
    Count hit(@Bind("bucket") String bucket, @Bind("now") long now, @Bind("ends") long ends);

    @SqlUpdate("UPDATE rate_limits SET hits = hits - 1 WHERE bucket = :bucket AND hits > 0")
    void giveBack(@Bind("bucket") String bucket);

    @SqlUpdate("DELETE FROM rate_limits WHERE bucket = :bucket")
    void clear(@Bind("bucket") String bucket);

    @SqlUpdate("DELETE FROM rate_limits WHERE window_ends <= :now")
    int prune(@Bind("now") long now);
}
