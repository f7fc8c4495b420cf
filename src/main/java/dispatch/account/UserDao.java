package dispatch.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(User.class)
public interface UserDao {
    @SqlQuery("SELECT id, email, name, role, disabled FROM users WHERE id = :id")
    Optional<User> find(@Bind("id") long id);

    @SqlQuery("SELECT id, email, name, role, disabled FROM users WHERE email = :email")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT password_hash FROM users WHERE email = :email AND NOT disabled")
    Optional<String> passwordHash(@Bind("email") String email);

    /** Every member of staff (readers are not listed in the newsroom). */
    @SqlQuery("SELECT id, email, name, role, disabled FROM users WHERE role <> 'reader' ORDER BY name")
    List<User> all();

    @SqlQuery("""
        INSERT INTO users (email, name, role, password_hash, created_at)
        VALUES (:email, :name, :role, :hash, :now) RETURNING id""")
    long insert(@Bind("email") String email, @Bind("name") String name, @Bind("role") String role,
                @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET role = :role, disabled = :disabled WHERE id = :id")
    int update(@Bind("id") long id, @Bind("role") String role, @Bind("disabled") boolean disabled);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
    int setPassword(@Bind("id") long id, @Bind("hash") String hash);

    @SqlQuery("SELECT email_verified_at FROM users WHERE id = :id")
    Optional<Instant> verifiedAt(@Bind("id") long id);

    @SqlUpdate("UPDATE users SET email_verified_at = :now WHERE id = :id")
    int setVerified(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET email = :email, email_verified_at = :now WHERE id = :id")
    int setEmail(@Bind("id") long id, @Bind("email") String email, @Bind("now") Instant now);

    @SqlUpdate("UPDATE users SET name = :name WHERE id = :id")
    int setName(@Bind("id") long id, @Bind("name") String name);

    @SqlQuery("SELECT preferences FROM users WHERE id = :id AND preferences IS NOT NULL")
    Optional<String> preferences(@Bind("id") long id);

    @SqlUpdate("UPDATE users SET preferences = :preferences WHERE id = :id")
    int setPreferences(@Bind("id") long id, @Bind("preferences") String preferences);

    @SqlQuery("SELECT password_hash FROM users WHERE id = :id")
    Optional<String> passwordHashOf(@Bind("id") long id);

    @SqlQuery("SELECT created_at FROM users WHERE id = :id")
    Optional<Instant> createdAt(@Bind("id") long id);

    @SqlUpdate("DELETE FROM users WHERE id = :id AND role = 'reader'")
    int deleteReader(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE role = 'admin' AND NOT disabled")
    int activeAdmins();
}
