package dispatch.feedback;

import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /accessibility/report: readers tell us about an accessibility problem. The form sits on the
 * accessibility statement and is sent here; a report with mistakes comes back on this page with
 * everything typed kept, and a sent one is confirmed here (POST, then redirect, then GET), with
 * another way to reach us. Reports are stored for staff, who read them in the newsroom.
 */
public final class ReportProblemServlet extends HttpServlet {
    public static final String PATH = "/accessibility/report";
    static final int MAX_PROBLEM = 4000;
    private final Routes.Services s;

    public ReportProblemServlet(Routes.Services services) {
        this.s = services;
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
            form.error("problem", "This form was too old to send. Check what you wrote, then send it again");
        }
        String problem = form.trimmed("problem");
        if (problem.isEmpty()) {
            form.error("problem", "Tell us what went wrong");
        } else if (problem.length() > MAX_PROBLEM) {
            form.error("problem", "Tell us what went wrong in 4,000 characters or fewer");
        }
        if (form.trimmed("page").length() > 2000) {
            form.error("page", "Enter the page's address in 2,000 characters or fewer");
        }
        String email = form.trimmed("email");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            form.error("email", "Enter an email address in the correct format, like name@example.com, or leave it empty");
        }
        if (form.hasErrors()) {
            send(request, response, 422, form, false);
            return;
        }
        s.database().dao(ProblemReportDao.class).insert(form.trimmed("page"), problem, email, s.clock().instant());
        Redirect.seeOther(response, PATH + "?sent");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, int status, Form form, boolean sent)
            throws IOException {
        String title = sent ? "Your report is sent" : (form.hasErrors() ? "Error: " : "") + "Report an accessibility problem";
        Layout layout = s.site().layout(title, "Tell us about a part of this site you could not use.", PATH)
            .withCrumbs(new Layout.Crumb("Home", "/"), new Layout.Crumb("Accessibility statement", "/accessibility"));
        s.templates().send(response, status, "feedback/report.jte",
            new ReportPage(layout, form, Csrf.token(request, response), sent));
    }
}
