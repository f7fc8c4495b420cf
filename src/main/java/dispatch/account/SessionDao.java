package dispatch.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface SessionDao {
    @SqlUpdate("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (:hash, :userId, :now, :expires)")
    void insert(@Bind("hash") String tokenHash, @Bind("userId") long userId, @Bind("now") Instant now,
                @Bind("expires") Instant expires);

    @SqlQuery("SELECT user_id FROM sessions WHERE token_hash = :hash AND expires_at > :now")
    Optional<Long> userOf(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM sessions WHERE token_hash = :hash")
    void delete(@Bind("hash") String tokenHash);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    void deleteAllOf(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);
}
