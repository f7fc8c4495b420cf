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
 * /account/register: a free reader's account. The address is confirmed by a link sent to it,
 * which also signs the new reader in. The answer is the same "check your email" page whether
 * or not the address already has an account, so the form cannot be used to find out who reads
 * here: the owner of a taken address gets a mail saying so instead.
 */
public final class RegisterServlet extends HttpServlet {
    private final ReaderPages pages;
    private final int freeAnonymous;
    private final int freeSignedIn;

    public RegisterServlet(ReaderPages pages, int freeAnonymous, int freeSignedIn) {
        this.pages = pages;
        this.freeAnonymous = freeAnonymous;
        this.freeSignedIn = freeSignedIn;
    }

    /** The registration form; {@code sent} is the address a link went to, once the form is sent. */
    public record RegisterPage(Layout layout, Form form, String csrf, String intro, String next, String sent) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(request, response, Form.empty(), ReaderPages.safeNext(request.getParameter("next")), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        Form form = Form.from(request);
        String next = ReaderPages.safeNext(form.value("next"));
        String nameProblem = ReaderPages.nameProblem(form.trimmed("name"));
        if (nameProblem != null) {
            form.error("name", nameProblem);
        }
        String email = Accounts.normalise(form.value("email"));
        String emailProblem = ReaderPages.emailProblem(email);
        if (emailProblem != null) {
            form.error("email", emailProblem);
        }
        String problem = Passwords.problem(form.value("password"));
        if (problem != null) {
            form.error("password", problem);
        }
        if (form.hasErrors()) {
            form.set("password", "");
            send(request, response, form, next, null);
            return;
        }
        if (pages.limits().refusesClient(request, response, ReaderPages.REGISTER)
                || pages.limits().refuses(request, response, ReaderPages.MAIL_TO_ADDRESS, email)) {
            return;
        }
        // Both branches hash a password and send one mail, so they take about as long.
        Optional<User> created = pages.readers().register(email, form.trimmed("name"), form.value("password"));
        if (created.isPresent()) {
            User user = created.get();
            pages.mail().verify(user, pages.readers().issue(user, ReaderAccounts.Purpose.VERIFY, null), next);
        } else {
            pages.accounts().find(email).filter(u -> !u.disabled()).ifPresent(pages.mail()::alreadyRegistered);
        }
        send(request, response, Form.empty(), next, email);
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Form form, String next, String sent)
            throws IOException {
        String title = t(sent != null ? "register.sentTitle" : "register.title");
        Layout layout = pages.layout(title, t("register.description"), "/account/register", form.hasErrors(), false);
        pages.templates().send(response, form.hasErrors() ? 422 : HttpServletResponse.SC_OK, "account/register.jte",
            new RegisterPage(layout, form, Csrf.token(request, response), t("register.intro", freeSignedIn, freeAnonymous),
                next, sent));
    }
}
