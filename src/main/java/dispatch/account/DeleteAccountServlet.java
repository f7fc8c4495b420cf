package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.membership.Membership;
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
 * /account/delete: confirm with the password, then the account and everything kept about the
 * reader is deleted; a renewing membership is cancelled at the gateway first, so nobody is
 * charged for an account that no longer exists. Staff accounts are managed in the newsroom.
 */
public final class DeleteAccountServlet extends HttpServlet {
    private final ReaderPages pages;
    private final Membership membership;

    public DeleteAccountServlet(ReaderPages pages, Membership membership) {
        this.pages = pages;
        this.membership = membership;
    }

    /** The confirmation form; {@code deleted} once done. */
    public record DeletePage(Layout layout, Form form, String csrf, boolean deleted, boolean staff) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("deleted") != null) {
            send(request, response, Form.empty(), true, false);
            return;
        }
        Optional<User> user = pages.signedInOrRedirect(request, response);
        if (user.isPresent()) {
            send(request, response, Form.empty(), false, user.get().isStaff());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> signedIn = pages.formFromSignedIn(request, response);
        if (signedIn.isEmpty()) {
            return;
        }
        User user = signedIn.get();
        Form form = Form.from(request);
        if (user.isStaff()) {
            send(request, response, form, false, true);
            return;
        }
        if (!pages.readers().passwordMatches(user, form.value("password"))) {
            form.error("password", t("account.errorCurrentPassword"));
            form.set("password", "");
            send(request, response, form, false, false);
            return;
        }
        membership.cancel(user);
        pages.readers().delete(user);
        ReaderFilter.endSession(request, response);
        Redirect.seeOther(response, "/account/delete?deleted");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Form form, boolean deleted, boolean staff)
            throws IOException {
        Layout layout = pages.layout(t("delete.title"), t("delete.title"), "/account/delete", form.hasErrors(), !deleted);
        response.setHeader("Cache-Control", "private, no-store");
        pages.templates().send(response, "account/delete.jte",
            new DeletePage(layout, form, Csrf.token(request, response), deleted, staff));
    }
}
