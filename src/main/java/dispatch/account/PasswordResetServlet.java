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
import java.util.Optional;

/**
 * /account/forgot-password (ask for a link) and /account/reset-password?token= (use it). The
 * answer to asking is the same whether or not an account uses the address, so the form cannot
 * be used to find out who has an account here, and it takes the same time too: looking the
 * address up, making the link and sending it all happen after the answer, on another thread.
 */
public final class PasswordResetServlet extends HttpServlet {
    static final String FORGOT = "/account/forgot-password";
    static final String RESET = "/account/reset-password";
    private final ReaderPages pages;

    public PasswordResetServlet(ReaderPages pages) {
        this.pages = pages;
    }

    /** Asking for a link; {@code sent} once asked. */
    public record ForgotPage(Layout layout, Form form, String csrf, String sent) {}

    /** Choosing the new password; {@code valid} false when the link has expired or been used. */
    public record ResetPage(Layout layout, Form form, String csrf, String token, boolean valid) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().equals(RESET)) {
            String token = request.getParameter("token");
            boolean valid = pages.readers().holder(token, ReaderAccounts.Purpose.RESET).isPresent();
            sendReset(request, response, Form.empty(), token, valid);
        } else {
            sendForgot(request, response, Form.empty(), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        Form form = Form.from(request);
        if (request.getRequestURI().equals(RESET)) {
            reset(request, response, form);
            return;
        }
        String email = Accounts.normalise(form.value("email"));
        String problem = ReaderPages.emailProblem(email);
        if (problem != null) {
            form.error("email", problem);
            sendForgot(request, response, form, null);
            return;
        }
        if (pages.limits().refusesClient(request, response, ReaderPages.FORGOT)
                || pages.limits().refuses(request, response, ReaderPages.MAIL_TO_ADDRESS, email)) {
            return;
        }
        pages.mail().later(() -> pages.accounts().find(email).filter(u -> !u.disabled())
            .ifPresent(user -> pages.mail().reset(user, pages.readers().issue(user, ReaderAccounts.Purpose.RESET, null))));
        sendForgot(request, response, Form.empty(), t("forgot.sent", email));
    }

    private void reset(HttpServletRequest request, HttpServletResponse response, Form form) throws IOException {
        String token = form.value("token");
        Optional<User> holder = pages.readers().holder(token, ReaderAccounts.Purpose.RESET);
        if (holder.isEmpty()) {
            sendReset(request, response, Form.empty(), token, false);
            return;
        }
        String problem = Passwords.problem(form.value("password"));
        if (problem != null) {
            form.error("password", problem);
            form.set("password", "");
            sendReset(request, response, form, token, true);
            return;
        }
        Optional<String> session = pages.readers().resetPassword(token, form.value("password"));
        if (session.isEmpty()) {
            sendReset(request, response, Form.empty(), token, false);
            return;
        }
        pages.startSession(request, response, holder.get(), session.get());
        Redirect.seeOther(response, "/account?password-reset");
    }

    private void sendForgot(HttpServletRequest request, HttpServletResponse response, Form form, String sent) throws IOException {
        Layout layout = pages.layout(t("forgot.title"), t("forgot.description"), FORGOT, form.hasErrors(), false);
        pages.templates().send(response, "account/forgot.jte", new ForgotPage(layout, form, Csrf.token(request, response), sent));
    }

    private void sendReset(HttpServletRequest request, HttpServletResponse response, Form form, String token, boolean valid)
            throws IOException {
        response.setHeader("Referrer-Policy", "no-referrer");  // the token stays out of other sites' logs
        Layout layout = pages.layout(t("reset.title"), t("reset.title"), RESET, form.hasErrors(), false);
        pages.templates().send(response, valid ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GONE, "account/reset.jte",
            new ResetPage(layout, form, Csrf.token(request, response), token == null ? "" : token, valid));
    }
}
