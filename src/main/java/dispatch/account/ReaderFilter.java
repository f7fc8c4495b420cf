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
    /** The cookie of a signed-in session, readers' and staff's alike, over plain HTTP. */
    public static final String SESSION_COOKIE = "dispatch_session";
    /**
     * The same over HTTPS (directly or through a trusted proxy). With the {@code __Host-} prefix
     * the browser keeps it only if it is Secure, for the whole site and set by this host itself,
     * so a neighbouring subdomain or a page over plain HTTP cannot plant a session of its choosing;
     * a cookie of the plain name is not a session over HTTPS.
     */
    public static final String SECURE_SESSION_COOKIE = "__Host-dispatch_session";
    /**
     * For the page cache: a request from anyone signed in is never answered from it nor kept
     * (staff may see pages as they are being changed; a reader's pages name them and follow
     * their membership), and nobody else may keep it either. Either name counts here, whatever
     * the scheme: a page for someone who may be signed in is never shared.
     */
    public static final dispatch.web.PageCache.Variation SIGNED_IN = (request, subject) ->
        request.cookie(SESSION_COOKIE) == null && request.cookie(SECURE_SESSION_COOKIE) == null
            ? dispatch.web.PageCache.Part.NONE
            : dispatch.web.PageCache.Part.afresh(new org.eclipse.jetty.http.HttpField(
                org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "private, no-store"));

    private static final ThreadLocal<User> CURRENT = new ThreadLocal<>();
    private final Accounts accounts;

    public ReaderFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The session cookie's name for this request: {@link #SECURE_SESSION_COOKIE} over HTTPS. */
    public static String sessionCookie(HttpServletRequest request) {
        return request.isSecure() ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
    }

    /** The session token this request carries under the name its scheme allows, if any. */
    public static Optional<String> session(HttpServletRequest request) {
        return Cookies.get(request, sessionCookie(request));
    }

    /** Gives the browser its session cookie (Secure and {@code __Host-} over HTTPS) for {@code maxAge} seconds. */
    public static void startSession(HttpServletRequest request, HttpServletResponse response, String token, int maxAge) {
        Cookies.set(request, response, sessionCookie(request), token, maxAge, "Lax");
    }

    /** Deletes the session cookie in the browser. */
    public static void endSession(HttpServletRequest request, HttpServletResponse response) {
        Cookies.set(request, response, sessionCookie(request), "", 0, "Lax");
    }

    /** Who is signed in for the request being served. */
    public static Optional<User> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        User previous = CURRENT.get();
        Optional<String> token = session(request);
        CURRENT.set(token.flatMap(accounts::user).orElse(null));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(previous);
        }
    }
}
