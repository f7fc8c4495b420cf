package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.web.Csrf;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * /account/verify?token= (confirm the address of a new account) and /account/confirm-email?token=
 * (confirm a new address). Opening the link shows a button and pressing it confirms: mail
 * systems that open every link to scan it then confirm nothing by themselves. Confirming a new
 * account's address also signs its reader in (the link proves the mailbox is theirs), and goes
 * on to the page they were reading when they registered, if any.
 */
public final class ConfirmServlet extends HttpServlet {
    static final String VERIFY = "/account/verify";
    static final String EMAIL = "/account/confirm-email";
    private final ReaderPages pages;

    public ConfirmServlet(ReaderPages pages) {
        this.pages = pages;
    }

    /** The confirmation: heading, what is confirmed, the button; or that the link no longer works. */
    public record ConfirmPage(Layout layout, String csrf, String action, String token, String intro, String button,
                              boolean valid, String next) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean verify = request.getRequestURI().equals(VERIFY);
        String token = request.getParameter("token");
        Optional<User> holder = pages.readers().holder(token, verify ? ReaderAccounts.Purpose.VERIFY : ReaderAccounts.Purpose.EMAIL);
        String title = t(verify ? "confirm.verifyTitle" : "confirm.emailTitle");
        Layout layout = pages.layout(title, title, request.getRequestURI(), false, false);
        String intro = holder.isEmpty() ? t("confirm.invalid") : verify ? t("confirm.verifyIntro", holder.get().email())
            : t("confirm.emailIntro", pages.readers().pendingEmail(token).orElse(""));
        response.setHeader("Referrer-Policy", "no-referrer");
        pages.templates().send(response, holder.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GONE,
            "account/confirm.jte", new ConfirmPage(layout, Csrf.token(request, response), request.getRequestURI(),
                token == null ? "" : token, intro, t(verify ? "confirm.verifyButton" : "confirm.emailButton"), holder.isPresent(),
                verify && request.getParameter("next") != null ? ReaderPages.safeNext(request.getParameter("next")) : null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        String token = request.getParameter("token");
        if (request.getRequestURI().equals(VERIFY)) {
            Optional<User> verified = pages.readers().verify(token == null ? "" : token);
            if (verified.isEmpty()) {
                Redirect.seeOther(response, VERIFY + "?token=");
                return;
            }
            pages.startSession(request, response, verified.get(), pages.accounts().startSession(verified.get()));
            String next = ReaderPages.safeNext(request.getParameter("next"));
            Redirect.seeOther(response, next.equals("/account") ? "/account?verified" : next);
            return;
        }
        switch (pages.readers().confirmNewEmail(token == null ? "" : token)) {
            case CHANGED -> Redirect.seeOther(response, "/account?email-changed");
            case TAKEN -> Redirect.seeOther(response, "/account?email-taken");
            default -> Redirect.seeOther(response, EMAIL + "?token=");
        }
    }
}
