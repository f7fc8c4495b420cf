package dispatch.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one-time links sent by e-mail (their hashes). */
@RegisterConstructorMapper(TokenDao.Token.class)
interface TokenDao {
    record Token(long userId, String purpose, String newEmail) {}

    @SqlUpdate("""
        INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at)
        VALUES (:hash, :userId, :purpose, :newEmail, :now, :expires)""")
    void insert(@Bind("hash") String hash, @Bind("userId") long userId, @Bind("purpose") String purpose,
                @Bind("newEmail") String newEmail, @Bind("now") Instant now, @Bind("expires") Instant expires);

    @SqlQuery("""
        SELECT user_id, purpose, new_email FROM account_tokens
        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
    Optional<Token> find(@Bind("hash") String hash, @Bind("purpose") String purpose, @Bind("now") Instant now);

    /** Uses a link up; 0 when it was used already (two clicks racing), so only one wins. */
    @SqlUpdate("UPDATE account_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
    int use(@Bind("hash") String hash, @Bind("now") Instant now);

    /** A new link of one kind makes the older ones of that kind useless. */
    @SqlUpdate("UPDATE account_tokens SET used_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
    int retire(@Bind("userId") long userId, @Bind("purpose") String purpose, @Bind("now") Instant now);
}
