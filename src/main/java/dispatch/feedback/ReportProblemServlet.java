package dispatch.feedback;

import static dispatch.web.Messages.t;

import dispatch.limit.FormLimits;
import dispatch.limit.RateLimits;
import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * /accessibility/report: readers tell us about an accessibility problem. The form sits on the
 * accessibility statement and is sent here; a report with mistakes comes back on this page with
 * everything typed kept, and a sent one is confirmed here (POST, then redirect, then GET), with
 * another way to reach us. Reports are stored for staff, who read them in the newsroom. One
 * client may send {@link #LIMIT} reports an hour: enough for a reader with a lot to tell us, not
 * enough to fill the table.
 */
public final class ReportProblemServlet extends HttpServlet {
    public static final String PATH = "/accessibility/report";
    static final int MAX_PROBLEM = 4000;
    static final int MAX_PAGE = 2000;
    static final int MAX_EMAIL = 320;
    static final RateLimits.Limit LIMIT = new RateLimits.Limit("report-problem", 5, Duration.ofHours(1));
    private final Routes.Services s;
    private final FormLimits limits;

    public ReportProblemServlet(Routes.Services services, FormLimits limits) {
        this.s = services;
        this.limits = limits;
    }

    /** The form page, or its confirmation when {@code sent}. */
    public record ReportPage(Layout layout, Form form, String csrf, boolean sent) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean sent = request.getParameter("sent") != null;
        send(request, response, HttpServletResponse.SC_OK, Form.empty(), sent);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Form form = Form.from(request);
        if (!Csrf.valid(request)) {
            // An old page, or cookies refused: say so, and keep what the reader wrote.
            form.error("problem", t("feedback.errorExpired"));
        }
        String problem = form.trimmed("problem");
        if (problem.isEmpty()) {
            form.error("problem", t("feedback.errorProblem"));
        } else if (problem.length() > MAX_PROBLEM) {
            form.error("problem", t("feedback.errorProblemLong", MAX_PROBLEM));
        }
        if (form.trimmed("page").length() > MAX_PAGE) {
            form.error("page", t("feedback.errorPage", MAX_PAGE));
        }
        String email = form.trimmed("email");
        if (email.length() > MAX_EMAIL) {
            form.error("email", t("form.errorEmailLong", MAX_EMAIL));
        } else if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            form.error("email", t("feedback.errorEmail"));
        }
        if (form.hasErrors()) {
            send(request, response, 422, form, false);
            return;
        }
        if (limits.refusesClient(request, response, LIMIT)) {
            return;
        }
        s.database().dao(ProblemReportDao.class).insert(form.trimmed("page"), problem, email, s.clock().instant());
        Redirect.seeOther(response, PATH + "?sent");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, int status, Form form, boolean sent)
            throws IOException {
        String title = sent ? t("feedback.sentTitle") : (form.hasErrors() ? t("form.errorPrefix") : "") + t("feedback.title");
        Layout layout = s.site().layout(title, t("feedback.description"), PATH)
            .withCrumbs(Layout.home(), new Layout.Crumb(t("footer.accessibility"), "/accessibility"));
        s.templates().send(response, status, "feedback/report.jte",
            new ReportPage(layout, form, Csrf.token(request, response), sent));
    }
}
