package dispatch.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * This site's audits and reviews in its database: runs recorded by the audit command, compared
 * with each other, and the reviews people record in the newsroom, which the conformance report
 * uses.
 */
public final class AuditHistory {
    private final Database database;
    private final Clock clock;

    public AuditHistory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores a run with its totals and its changes since the run before it, in one transaction. */
    public long record(AuditReport report) {
        String json;
        String summary;
        try {
            json = Json.MAPPER.writeValueAsString(report.withChanges(null));
            summary = Json.MAPPER.writeValueAsString(AuditSummary.of(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not store the audit", e);
        }
        return database.jdbi().inTransaction(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            Changes changes = dao.reportBefore(report.started()).map(AuditHistory::read)
                .map(before -> Changes.between(before, report)).orElse(null);
            long id = dao.insertRun(report.site(), report.started(), report.finished(), report.pages().size(),
                report.failures().size(), report.aaa().size(), (int) report.errors(),
                changes == null ? null : changes.appeared().size(), changes == null ? null : changes.fixed().size(),
                summary, json);
            h.attach(ActivityLog.class).record(null, "audit.run", report.site(), report.pages().size() + " pages, "
                + report.failures().size() + " problems", clock.instant());
            return id;
        });
    }

    public List<AuditDao.Run> runs(int limit) {
        return database.dao(AuditDao.class).latestRuns(limit);
    }

    /** What appeared and what was fixed from one stored run to another; empty if either is unknown. */
    public Optional<Changes> compare(long from, long to) {
        AuditDao dao = database.dao(AuditDao.class);
        Optional<AuditReport> before = dao.report(from).map(AuditHistory::read);
        Optional<AuditReport> after = dao.report(to).map(AuditHistory::read);
        return before.isPresent() && after.isPresent() ? Optional.of(Changes.between(before.get(), after.get()))
            : Optional.empty();
    }

    /** What the public accessibility statement says of the latest stored run. */
    public Optional<AuditSummary> latestSummary() {
        return database.dao(AuditDao.class).latestSummary().map(json -> {
            try {
                return Json.MAPPER.readValue(json, AuditSummary.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored audit summary could not be read", e);
            }
        });
    }

    public List<AuditDao.StoredReview> storedReviews() {
        return database.dao(AuditDao.class).reviews();
    }

    public List<Review> reviews() {
        return storedReviews().stream().map(AuditDao.StoredReview::review).toList();
    }

    /** Records a review (already checked with {@link Review#problem()}) and logs it, in one transaction. */
    public void review(Review review, long userId) {
        database.jdbi().useTransaction(h -> {
            h.attach(AuditDao.class).insertReview(review.sc(), review.verdict(), review.notes(), review.scope(),
                review.date(), userId, clock.instant());
            h.attach(ActivityLog.class).record(userId, "audit.review", review.sc(), review.verdict(), clock.instant());
        });
    }

    private static AuditReport read(String json) {
        try {
            return Json.MAPPER.readValue(json, AuditReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audit could not be read", e);
        }
    }
}
