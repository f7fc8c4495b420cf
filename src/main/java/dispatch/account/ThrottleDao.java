package dispatch.account;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ThrottleDao.Failures.class)
public interface ThrottleDao {
    record Failures(String email, int failures, Instant firstFailureAt, Instant lockedUntil) {}

    @SqlQuery("SELECT email, failures, first_failure_at, locked_until FROM sign_in_failures WHERE email = :email")
    Optional<Failures> find(@Bind("email") String email);

    @SqlUpdate("""
        INSERT INTO sign_in_failures (email, failures, first_failure_at, locked_until)
        VALUES (:email, :failures, :first, :lockedUntil)
        ON CONFLICT (email) DO UPDATE SET failures = :failures, first_failure_at = :first, locked_until = :lockedUntil""")
    void save(@Bind("email") String email, @Bind("failures") int failures, @Bind("first") Instant first,
              @Bind("lockedUntil") Instant lockedUntil);

    @SqlUpdate("DELETE FROM sign_in_failures WHERE email = :email")
    void clear(@Bind("email") String email);
}
