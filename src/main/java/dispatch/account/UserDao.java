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

    @SqlQuery("SELECT id, email, name, role, disabled FROM users ORDER BY name")
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

    @SqlQuery("SELECT COUNT(*) FROM users WHERE role = 'admin' AND NOT disabled")
    int activeAdmins();
}
