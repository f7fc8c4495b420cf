package dispatch.account;

import dispatch.web.Cookies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds who is signed in, once per request, from the session cookie: for the header's
 * "Your account" link, the meter and the paywall. Requests without the cookie cost nothing.
 * Requests are served on one thread from start to finish, which makes a thread-local safe here.
 */
public final class ReaderFilter extends HttpFilter {
    /** The cookie of a signed-in session, readers' and staff's alike. */
    public static final String SESSION_COOKIE = "dispatch_session";
    /**
     * For the page cache: a request from anyone signed in is never answered from it nor kept
     * (staff may see pages as they are being changed; a reader's pages name them and follow
     * their membership), and nobody else may keep it either.
     */
    public static final dispatch.web.PageCache.Variation SIGNED_IN = (request, subject) ->
        request.cookie(SESSION_COOKIE) == null ? dispatch.web.PageCache.Part.NONE
            : dispatch.web.PageCache.Part.afresh(new org.eclipse.jetty.http.HttpField(
                org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "private, no-store"));
    private static final ThreadLocal<User> CURRENT = new ThreadLocal<>();
    private final Accounts accounts;

    public ReaderFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Who is signed in for the request being served. */
    public static Optional<User> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        User previous = CURRENT.get();
        Optional<String> token = Cookies.get(request, SESSION_COOKIE);
        CURRENT.set(token.flatMap(accounts::user).orElse(null));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(previous);
        }
    }
}
