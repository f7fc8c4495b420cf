package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.audit.AuditDao;
import dispatch.audit.AuditHistory;
import dispatch.audit.Changes;
import dispatch.audit.Criterion;
import dispatch.audit.Review;
import dispatch.audit.Wcag;
import dispatch.db.Database;
import dispatch.feedback.ProblemReportDao;
import dispatch.web.Form;
import dispatch.web.Format;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * /newsroom/audits, for editors and administrators: the accessibility audits recorded for this
 * site with their totals, what appeared and what was fixed between two of them, people's
 * reviews of WCAG success criteria with the form to record one, and the problems readers have
 * reported from the accessibility statement. The next conformance report
 * (the audit command with --record) uses the latest review of each criterion.
 */
public final class AuditServlet extends HttpServlet {
    static final String PATH = "/newsroom/audits";
    private static final int RUNS_SHOWN = 50;
    private static final int REPORTS_SHOWN = 100;
    private static final int SCOPE_MAX = 500;
    private static final int NOTES_MAX = 4000;
    private final NewsroomPages pages;
    private final AuditHistory history;
    private final Database database;
    private final Clock clock;

    public AuditServlet(NewsroomPages pages, AuditHistory history, Database database, Clock clock) {
        this.pages = pages;
        this.history = history;
        this.database = database;
        this.clock = clock;
    }

    /** Two runs compared; {@code changes} is what appeared and what was fixed from the first to the second. */
    public record Comparison(AuditDao.Run from, AuditDao.Run to, Changes changes) {}

    /**
     * @param comparison the two runs asked for, or null
     * @param compareError why the runs asked for cannot be compared, or null
     */
    public record AuditsPage(Layout layout, Staff staff, List<AuditDao.Run> runs, List<Option> runOptions,
                             Comparison comparison, String compareError, List<AuditDao.StoredReview> reviews,
                             List<Option> criteria, List<Option> verdicts, Form form, String done,
                             List<ProblemReportDao.Report> reports) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("audits");
        if (!staff.may(Permissions.Action.VIEW_AUDITS)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Form form = Form.empty().set("reviewed_on", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
        send(request, response, HttpServletResponse.SC_OK, staff, form,
            "reviewed".equals(request.getParameter("done")) ? t("newsroom.reviewRecorded") : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("audits");
        if (!staff.may(Permissions.Action.RECORD_AUDIT_REVIEW)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Form form = Form.from(request);
        Optional<Criterion> criterion = Wcag.criteria().find(form.trimmed("sc")).filter(c -> !c.obsolete());
        if (criterion.isEmpty()) {
            form.error("sc", t("newsroom.errorCriterion"));
        }
        if (!Review.VERDICTS.contains(form.value("verdict"))) {
            form.error("verdict", t("newsroom.errorVerdict"));
        }
        if (form.trimmed("scope").isEmpty()) {
            form.error("scope", t("newsroom.errorScope"));
        } else if (form.trimmed("scope").length() > SCOPE_MAX) {
            form.error("scope", t("newsroom.errorScopeLong", SCOPE_MAX));
        }
        if (form.trimmed("notes").isEmpty()) {
            form.error("notes", t("newsroom.errorNotes"));
        } else if (form.trimmed("notes").length() > NOTES_MAX) {
            form.error("notes", t("newsroom.errorNotesLong", NOTES_MAX));
        }
        LocalDate date = date(form.trimmed("reviewed_on"));
        if (date == null) {
            form.error("reviewed_on", t("newsroom.errorReviewDate"));
        } else if (date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            form.error("reviewed_on", t("newsroom.errorReviewFuture"));
        }
        if (form.hasErrors()) {
            send(request, response, 422, staff, form, null);
            return;
        }
        history.review(new Review(criterion.get().sc(), form.value("verdict"), form.trimmed("notes"), form.trimmed("scope"),
            date, staff.user().name()), staff.user().id());
        Redirect.seeOther(response, PATH + "?done=reviewed");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, int status, Staff staff, Form form,
                      String done) throws IOException {
        List<AuditDao.Run> runs = history.runs(RUNS_SHOWN);
        Comparison comparison = null;
        String compareError = null;
        String from = request.getParameter("from");
        String to = request.getParameter("to");
        if (from != null || to != null) {
            Optional<AuditDao.Run> a = run(runs, from);
            Optional<AuditDao.Run> b = run(runs, to);
            if (a.isEmpty() || b.isEmpty() || a.get().id() == b.get().id()) {
                compareError = t("newsroom.errorCompare");
            } else {
                Optional<Changes> changes = history.compare(a.get().id(), b.get().id());
                comparison = changes.map(c -> new Comparison(a.get(), b.get(), c)).orElse(null);
            }
        }
        List<Option> runOptions = runs.stream().map(r -> new Option(String.valueOf(r.id()),
            t("newsroom.runOption", r.problems(), r.pages(), Format.dateTime(r.startedAt())))).toList();
        List<Option> criteria = Wcag.criteria().all().stream().filter(c -> !c.obsolete())
            .map(c -> Option.inLanguage(c.sc(), c.title(), "en")).toList();  // WCAG's own English titles
        List<Option> verdicts = Review.VERDICTS.stream().map(v -> new Option(v, t("newsroom.verdict." + v.replace(" ", "")))).toList();
        pages.templates().send(response, status, "newsroom/audits.jte", new AuditsPage(
            pages.layout(t("newsroom.auditsTitle"), PATH, form), staff, runs, runOptions, comparison, compareError,
            history.storedReviews(), criteria, verdicts, form, done, database.dao(ProblemReportDao.class).latest(REPORTS_SHOWN)));
    }

    private static Optional<AuditDao.Run> run(List<AuditDao.Run> runs, String id) {
        return runs.stream().filter(r -> String.valueOf(r.id()).equals(id)).findFirst();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
