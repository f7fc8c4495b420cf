package dispatch.newsroom;

import dispatch.account.Accounts;
import dispatch.web.Cookies;
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
        Cookies.get(request, NewsroomFilter.SESSION_COOKIE).ifPresent(token -> accounts.signOut(token, staff.user()));
        Cookies.set(request, response, NewsroomFilter.SESSION_COOKIE, "", 0, "Lax");
        Redirect.seeOther(response, SignInServlet.PATH + "?signed-out");
    }
}
