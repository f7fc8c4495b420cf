package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.account.Accounts;
import dispatch.account.ReaderFilter;
import dispatch.limit.FormLimits;
import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * /newsroom/sign-in. Meets WCAG 2.2's accessible authentication: two labelled fields with
 * autocomplete, no puzzle, pasting and password managers welcome.
 */
public final class SignInServlet extends HttpServlet {
    static final String PATH = "/newsroom/sign-in";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final Accounts accounts;
    private final NewsroomPages pages;
    private final FormLimits limits;

    public SignInServlet(Accounts accounts, NewsroomPages pages, FormLimits limits) {
        this.accounts = accounts;
        this.pages = pages;
        this.limits = limits;
    }

    /** Only newsroom addresses are followed after signing in, so the link cannot send anyone elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/newsroom") && !next.startsWith("//") && !next.contains("\\")
            ? next : "/newsroom";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, request, HttpServletResponse.SC_OK, Form.empty(), safeNext(request.getParameter("next")), null, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Form form = Form.from(request);
        String next = safeNext(form.value("next"));
        String resume = form.value("resume_action");
        Map<String, List<String>> carried = carried(form);
        if (form.trimmed("email").isEmpty()) {
            form.error("email", t("signIn.errorEmail"));
        }
        if (form.value("password").isEmpty()) {
            form.error("password", t("signIn.errorPassword"));
        }
        if (form.hasErrors()) {
            send(response, request, HttpServletResponse.SC_OK, form, next, resume, carried);
            return;
        }
        Accounts.SignIn outcome = accounts.signIn(form.value("email"), form.value("password"), limits.client(request));
        if (outcome instanceof Accounts.SignedIn signedIn && !Permissions.allows(signedIn.user(), Permissions.Action.ENTER_NEWSROOM)) {
            // The right password for a reader's account: say plainly that the newsroom is for staff.
            accounts.signOut(signedIn.token(), signedIn.user());
            form.set("password", "");
            form.error("email", t("newsroom.errorReaderAccount"));
            send(response, request, HttpServletResponse.SC_OK, form, next, resume, carried);
            return;
        }
        if (outcome instanceof Accounts.SignedIn signedIn) {
            ReaderFilter.startSession(request, response, signedIn.token(), 12 * 3600);
            Csrf.rotate(request, response, signedIn.token());
            if (resume.startsWith("/newsroom/")) {
                Staff staff = new Staff(signedIn.user(), Csrf.token(request, response), "");
                pages.templates().send(response, HttpServletResponse.SC_OK, "newsroom/resume.jte",
                    new ResumePage(pages.layout(t("newsroom.resumePageTitle"), PATH, null), staff, resume, carried));
            } else {
                Redirect.seeOther(response, next);
            }
            return;
        }
        form.set("password", "");
        int status = HttpServletResponse.SC_OK;
        if (outcome instanceof Accounts.Locked locked) {
            form.error("email", t("newsroom.errorLocked", TIME.format(locked.until())));
            status = 429;
            response.setHeader("Retry-After", String.valueOf(accounts.secondsUntil(locked.until())));
        } else {
            form.error("email", t("signIn.errorWrong"));
        }
        send(response, request, status, form, next, resume, carried);
    }

    private static Map<String, List<String>> carried(Form form) {
        var carried = new java.util.LinkedHashMap<String, List<String>>();
        form.entries().forEach((name, values) -> {
            if (name.startsWith("carried.")) {
                carried.put(name.substring("carried.".length()), values);
            }
        });
        return carried;
    }

    private void send(HttpServletResponse response, HttpServletRequest request, int status, Form form, String next,
                      String resume, Map<String, List<String>> carried) throws IOException {
        String title = t(resume == null || resume.isEmpty() ? "newsroom.signInTitle" : "newsroom.signInAgainTitle");
        pages.templates().send(response, status, "newsroom/sign-in.jte", new SignInPage(
            pages.layout(title, PATH, form), form, Csrf.token(request, response), next,
            resume == null || resume.isEmpty() ? null : resume, carried, false));
    }
}
