package dispatch.membership;

import dispatch.account.ReaderFilter;
import dispatch.web.Cookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is reading, for the meter: the signed-in account, or else a random id in the meter
 * cookie, given on the first article read. The cookie holds nothing but that id.
 */
public final class Meter {
    public static final String COOKIE = "dispatch_meter";
    /** Stands for the id in a new reader's cookie, until their next article gives them one. */
    static final String NEW = "new";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    /**
     * One generator per thread: every new reader gets an id, and the platform's default generator
     * serialises all threads on one lock, which a flood of first-time readers turns into a queue.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Meter::generator);

    /**
     * Opens an article for the reader of this request: the signed-in account, or else the meter
     * cookie's random id.
     *
     * <p>A reader who arrives without the cookie (most of a flood: one link, shared widely) is
     * always within the meter, so nothing is looked up, and nothing is written either: the
     * cookie they are given carries the article they read ("new.ARTICLE"); on their next article
     * they get their random id and that first read is recorded in the database. A flood of first
     * readers therefore costs the database nothing, and, since they all get the same page and
     * the same cookie, one render.
     */
    public static Access.Decision open(HttpServletRequest request, HttpServletResponse response, Access access,
                                       long articleId, boolean membersOnly) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return access.open(new Access.Reader(user.get(), null), articleId, membersOnly);
        }
        Optional<String[]> cookie = Cookies.get(request, COOKIE)
            .filter(v -> v.matches("(" + NEW + "|[A-Za-z0-9_-]{16,64})(\\.[0-9]{1,18})?")).map(v -> v.split("\\."));
        if (cookie.isEmpty()) {
            Access.Decision first = access.firstRead(membersOnly);
            if (first.full()) {
                // The same cookie for every new reader of this article, so the page they get can
                // be kept and sent to the next one as it is (PageCache): a flood costs one render.
                Cookies.set(request, response, COOKIE, NEW + "." + articleId, ONE_YEAR, "Lax");
                request.setAttribute(dispatch.web.PageCache.SHARED_COOKIE, Boolean.TRUE);
            }
            return first;
        }
        String id = cookie.get()[0].equals(NEW) ? newId() : cookie.get()[0];
        if (cookie.get().length == 1 && cookie.get()[0].equals(NEW)) {
            Cookies.set(request, response, COOKIE, id, ONE_YEAR, "Lax");
        }
        if (cookie.get().length == 2) {
            access.record(new Access.Reader(null, id), Long.parseLong(cookie.get()[1]));
            Cookies.set(request, response, COOKIE, id, ONE_YEAR, "Lax");
        }
        return access.open(new Access.Reader(null, id), articleId, membersOnly);
    }

    /**
     * What the reader of this request would get, counting nothing and setting no cookie: for a
     * request that is not a reading (a HEAD, a browser's prefetch; see
     * {@link dispatch.web.Requests#read}). A reader whose cookie holds only a first read not yet
     * recorded is taken as having none recorded, as on their next real read.
     */
    public static Access.Decision peek(HttpServletRequest request, Access access, long articleId,
                                       boolean membersOnly) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return access.peek(new Access.Reader(user.get(), null), articleId, membersOnly);
        }
        Optional<String> id = Cookies.get(request, COOKIE)
            .filter(v -> v.matches("[A-Za-z0-9_-]{16,64}(\\.[0-9]{1,18})?")).map(v -> v.split("\\.")[0]);
        return id.isEmpty() ? access.firstRead(membersOnly)
            : access.peek(new Access.Reader(null, id.get()), articleId, membersOnly);
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private Meter() {}
}
