package dispatch.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Audit runs of this site and people's reviews of success criteria, as stored in the database. */
@RegisterConstructorMapper(AuditDao.Run.class)
@RegisterConstructorMapper(AuditDao.StoredReview.class)
public interface AuditDao {

    /** One stored run's totals, for the newsroom's list. {@code appeared} and {@code fixed} are null for the first. */
    record Run(long id, String site, Instant startedAt, Instant finishedAt, int pages, int problems, int aaa, int errors,
               Integer appeared, Integer fixed) {}

    /** A review as stored, with the reviewer's name. */
    record StoredReview(long id, String sc, String verdict, String notes, String scope, LocalDate reviewedOn,
                        String reviewer, Instant recordedAt) {

        public Review review() {
            return new Review(sc, verdict, notes, scope, reviewedOn, reviewer);
        }
    }

    @SqlUpdate("""
        INSERT INTO audit_runs (site, started_at, finished_at, pages, problems, aaa, errors, appeared, fixed, summary, report)
        VALUES (:site, :started, :finished, :pages, :problems, :aaa, :errors, :appeared, :fixed, :summary, :report)""")
    @GetGeneratedKeys("id")
    long insertRun(@Bind("site") String site, @Bind("started") Instant started, @Bind("finished") Instant finished,
                   @Bind("pages") int pages, @Bind("problems") int problems, @Bind("aaa") int aaa,
                   @Bind("errors") int errors, @Bind("appeared") Integer appeared, @Bind("fixed") Integer fixed,
                   @Bind("summary") String summary, @Bind("report") String report);

    @SqlQuery("""
        SELECT id, site, started_at, finished_at, pages, problems, aaa, errors, appeared, fixed
          FROM audit_runs ORDER BY started_at DESC, id DESC LIMIT :limit""")
    List<Run> latestRuns(@Bind("limit") int limit);

    @SqlQuery("SELECT report FROM audit_runs WHERE id = :id")
    Optional<String> report(@Bind("id") long id);

    /** The run that started last before the given time: the one a new run is compared with. */
    @SqlQuery("SELECT report FROM audit_runs WHERE started_at < :started ORDER BY started_at DESC, id DESC LIMIT 1")
    Optional<String> reportBefore(@Bind("started") Instant started);

    @SqlQuery("SELECT summary FROM audit_runs ORDER BY started_at DESC, id DESC LIMIT 1")
    Optional<String> latestSummary();

    @SqlUpdate("""
        INSERT INTO audit_reviews (sc, verdict, notes, scope, reviewed_on, user_id, recorded_at)
        VALUES (:sc, :verdict, :notes, :scope, :reviewedOn, :userId, :at)""")
    void insertReview(@Bind("sc") String sc, @Bind("verdict") String verdict, @Bind("notes") String notes,
                      @Bind("scope") String scope, @Bind("reviewedOn") LocalDate reviewedOn, @Bind("userId") long userId,
                      @Bind("at") Instant at);

    @SqlQuery("""
        SELECT r.id, r.sc, r.verdict, r.notes, r.scope, r.reviewed_on, u.name AS reviewer, r.recorded_at
          FROM audit_reviews r JOIN users u ON u.id = r.user_id
         ORDER BY r.reviewed_on DESC, r.id DESC""")
    List<StoredReview> reviews();
}
