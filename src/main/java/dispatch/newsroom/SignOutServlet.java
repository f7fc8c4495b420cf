package dispatch.newsroom;

import dispatch.account.Accounts;
import dispatch.account.ReaderFilter;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** POST /newsroom/sign-out: ends the session here and in the database. */
public final class SignOutServlet extends HttpServlet {
    private final Accounts accounts;

    public SignOutServlet(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request);
        ReaderFilter.session(request).ifPresent(token -> accounts.signOut(token, staff.user()));
        ReaderFilter.endSession(request, response);
        Redirect.seeOther(response, SignInServlet.PATH + "?signed-out");
    }
}
