package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * /account/sign-in and /account/sign-out, for readers (staff may sign in here too). The same
 * accessible authentication as the newsroom: labelled fields with autocomplete, pasting and
 * password managers welcome, no puzzle; the same throttling of repeated failures.
 */
public final class ReaderSignInServlet extends HttpServlet {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final ReaderPages pages;

    public ReaderSignInServlet(ReaderPages pages) {
        this.pages = pages;
    }

    /** The sign-in form; {@code notice} after signing out. */
    public record SignInPage(Layout layout, Form form, String csrf, String next, String notice) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().equals("/account/sign-out")) {
            request.setAttribute(dispatch.web.AllowedMethods.ATTRIBUTE, "POST, OPTIONS");  // for the Allow header
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        send(request, response, HttpServletResponse.SC_OK, Form.empty(), ReaderPages.safeNext(request.getParameter("next")),
            request.getParameter("signed-out") != null ? t("signOut.done") : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        if (request.getRequestURI().equals("/account/sign-out")) {
            signOut(request, response);
            return;
        }
        Form form = Form.from(request);
        String next = ReaderPages.safeNext(form.value("next"));
        if (form.trimmed("email").isEmpty()) {
            form.error("email", t("signIn.errorEmail"));
        }
        if (form.value("password").isEmpty()) {
            form.error("password", t("signIn.errorPassword"));
        }
        int status = HttpServletResponse.SC_OK;
        if (!form.hasErrors()) {
            Accounts.SignIn outcome = pages.accounts().signIn(form.value("email"), form.value("password"),
                pages.limits().client(request));
            if (outcome instanceof Accounts.SignedIn signedIn) {
                pages.startSession(request, response, signedIn.user(), signedIn.token());
                Redirect.seeOther(response, next);
                return;
            }
            if (outcome instanceof Accounts.Locked locked) {
                form.error("email", t("signIn.errorLocked", TIME.format(locked.until())));
                status = 429;
                response.setHeader("Retry-After", String.valueOf(pages.accounts().secondsUntil(locked.until())));
            } else {
                form.error("email", t("signIn.errorWrong"));
            }
        }
        form.set("password", "");
        send(request, response, status, form, next, null);
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        ReaderFilter.current().ifPresent(user -> ReaderFilter.session(request)
            .ifPresent(token -> pages.accounts().signOut(token, user)));
        ReaderFilter.endSession(request, response);
        Redirect.seeOther(response, "/account/sign-in?signed-out");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, int status, Form form, String next,
                      String notice) throws IOException {
        Layout layout = pages.layout(t("signIn.title"), t("signIn.description"), "/account/sign-in", form.hasErrors(), false);
        pages.templates().send(response, status, "account/sign-in.jte",
            new SignInPage(layout, form, Csrf.token(request, response), next, notice));
    }
}
