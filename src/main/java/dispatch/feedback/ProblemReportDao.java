package dispatch.feedback;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accessibility problems reported by readers. */
@RegisterConstructorMapper(ProblemReportDao.Report.class)
public interface ProblemReportDao {

    /** One report as received; {@code page} and {@code email} may be empty. */
    record Report(long id, String page, String problem, String email, Instant receivedAt) {}

    @SqlUpdate("INSERT INTO problem_reports (page, problem, email, received_at) VALUES (:page, :problem, :email, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("page") String page, @Bind("problem") String problem, @Bind("email") String email,
                @Bind("at") Instant at);

    @SqlQuery("SELECT id, page, problem, email, received_at FROM problem_reports ORDER BY received_at DESC, id DESC LIMIT :limit")
    List<Report> latest(@Bind("limit") int limit);
}
