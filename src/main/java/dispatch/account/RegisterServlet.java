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

/** /account/register: a free reader's account. The address is confirmed by a link sent to it. */
public final class RegisterServlet extends HttpServlet {
    private final ReaderPages pages;
    private final int freeAnonymous;
    private final int freeSignedIn;

    public RegisterServlet(ReaderPages pages, int freeAnonymous, int freeSignedIn) {
        this.pages = pages;
        this.freeAnonymous = freeAnonymous;
        this.freeSignedIn = freeSignedIn;
    }

    /** The registration form. */
    public record RegisterPage(Layout layout, Form form, String csrf, String intro, String next) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(request, response, Form.empty(), ReaderPages.safeNext(request.getParameter("next")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        Form form = Form.from(request);
        String next = ReaderPages.safeNext(form.value("next"));
        if (form.trimmed("name").isEmpty()) {
            form.error("name", t("register.errorName"));
        }
        String email = Accounts.normalise(form.value("email"));
        if (!ReaderPages.plausibleEmail(email)) {
            form.error("email", t("register.errorEmail"));
        }
        String problem = Passwords.problem(form.value("password"));
        if (problem != null) {
            form.error("password", problem);
        }
        Optional<User> created = form.hasErrors() ? Optional.empty()
            : pages.readers().register(email, form.trimmed("name"), form.value("password"));
        if (!form.hasErrors() && created.isEmpty()) {
            form.error("email", t("register.errorTaken"));
        }
        if (form.hasErrors()) {
            form.set("password", "");
            send(request, response, form, next);
            return;
        }
        User user = created.get();
        pages.mail().verify(user, pages.readers().issue(user, ReaderAccounts.Purpose.VERIFY, null));
        Accounts.SignIn signIn = pages.accounts().signIn(email, form.value("password"));
        if (signIn instanceof Accounts.SignedIn signedIn) {
            pages.startSession(request, response, user, signedIn.token());
        }
        Redirect.seeOther(response, next.equals("/account") ? "/account?welcome" : next);
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Form form, String next) throws IOException {
        Layout layout = pages.layout(t("register.title"), t("register.description"), "/account/register", form.hasErrors(), false);
        pages.templates().send(response, "account/register.jte", new RegisterPage(layout, form, Csrf.token(request, response),
            t("register.intro", freeSignedIn, freeAnonymous), next));
    }
}
