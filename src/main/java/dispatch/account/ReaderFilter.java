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
    /** The request attribute holding the signed-in user the page cache found (see {@link #readers}). */
    static final String USER = ReaderFilter.class.getName() + ".user";

    /**
     * The same over HTTPS (directly or through a trusted proxy). With the {@code __Host-} prefix
     * the browser keeps it only if it is Secure, for the whole site and set by this host itself,
     * so a neighbouring subdomain or a page over plain HTTP cannot plant a session of its choosing;
     * a cookie of the plain name is not a session over HTTPS.
     */
    public static final String SECURE_SESSION_COOKIE = "__Host-dispatch_session";
    /**
     * For the page cache: who is signed in, as a part of every page's key. A reader's pages say
     * only that someone is signed in (the header's account link), so signed-in readers share
     * them, members apart from other readers (search finds more for members); a page that
     * depends on more (an article: their meter) names its own variation, and a page that holds
     * anything of theirs (a form with their token) is {@code no-store} and never kept. A session
     * that is not valid is nobody, as the servlets see it too. Staff may see pages as they are
     * being changed: their requests are never answered from the cache nor kept, here or anywhere.
     */
    public static dispatch.web.PageCache.Variation readers(Accounts accounts,
                                                           java.util.function.Predicate<User> entitled) {
        return (request, subject) -> {
            String token = request.cookie(request.secure() ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
            if (token == null && request.cookie(request.secure() ? SESSION_COOKIE : SECURE_SESSION_COOKIE) != null) {
                // The other scheme's session: not one here, but never shared with whoever sent it.
                return dispatch.web.PageCache.Part.afresh(new org.eclipse.jetty.http.HttpField(
                    org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "private, no-store"));
            }
            Optional<User> user = token == null ? Optional.empty() : accounts.user(token);
            if (user.isEmpty()) {
                return dispatch.web.PageCache.Part.NONE;
            }
            if (user.get().isStaff()) {
                return dispatch.web.PageCache.Part.afresh(new org.eclipse.jetty.http.HttpField(
                    org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "private, no-store"));
            }
            request.remember(USER, user.get());
            return new dispatch.web.PageCache.Part(entitled.test(user.get()) ? "member" : "reader", true,
                java.util.List.of());
        };
    }

    /** The signed-in reader the page cache found for this request, if it looked (see {@link #readers}). */
    public static Optional<User> found(dispatch.web.PageCache.Asked request) {
        return request.recall(USER) instanceof User user ? Optional.of(user) : Optional.empty();
    }
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
        // Found already in front of the servlets (the page cache's variation), or looked up here.
        CURRENT.set(request.getAttribute(USER) instanceof User found ? found
            : session(request).flatMap(accounts::user).orElse(null));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(previous);
        }
    }
}
