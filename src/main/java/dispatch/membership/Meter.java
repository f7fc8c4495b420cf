package dispatch.membership;

import dispatch.account.ReaderFilter;
import dispatch.db.Database;
import dispatch.web.Cookies;
import dispatch.web.PageCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Who is reading, for the meter, and what they read this month. A signed-in reader's month is
 * in the database (see {@link Access}). A reader without an account carries theirs in the meter
 * cookie, signed by the site (see {@link MeterCookie}): deciding is a signature check and
 * counting a cookie written, with no database query, so returning readers cost what new ones do.
 */
public final class Meter {
    public static final String COOKIE = "dispatch_meter";
    /** The largest DISPATCH_FREE_ARTICLES: as many articles as a reader's cookie can hold. */
    public static final int MOST_FREE = MeterCookie.MAX_ARTICLES;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final Access access;
    private final MeterCookie cookies;

    /** Reads the site's key for the meter cookie (making it on the first start): once per node. */
    public Meter(Access access, Database database, Clock clock) {
        this(access, MeterCookie.load(database, clock));
    }

    Meter(Access access, MeterCookie cookies) {
        this.access = access;
        this.cookies = cookies;
    }

    /**
     * Opens an article for the reader of this request, counting it when it is free to them.
     *
     * <p>A reader without an account is given a cookie holding this month's articles, this one
     * added. The first article of a reader without a (valid) cookie gives the same cookie to
     * everyone who reads it that month, so the page they get, cookie and all, can be kept and
     * sent to the next new reader as it is ({@link PageCache#SHARED_COOKIE}): a flood of new
     * readers on one story costs one render.
     */
    public Access.Decision open(HttpServletRequest request, HttpServletResponse response, long articleId,
                                boolean membersOnly) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return access.open(user.get(), articleId, membersOnly);
        }
        YearMonth month = access.month();
        long[] read = read(request, month);
        boolean seen = Arrays.binarySearch(read, articleId) >= 0;
        Access.Decision decision = access.anonymous(read.length, seen, membersOnly);
        if (decision.full() && !seen) {
            long[] now = Arrays.copyOf(read, read.length + 1);
            now[read.length] = articleId;
            Arrays.sort(now);
            Cookies.set(request, response, COOKIE, cookies.write(month.toString(), now), ONE_YEAR, "Lax");
            if (read.length == 0) {
                // Every new reader of this article this month gets this very cookie; it stops
                // being a new reader's when the month ends, and so must the kept page carrying it.
                request.setAttribute(PageCache.SHARED_COOKIE,
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
        return decision;
    }

    /**
     * What the reader of this request would get, counting nothing and setting no cookie: for a
     * request that is not a reading (a HEAD, a browser's prefetch; see
     * {@link dispatch.web.Requests#read}).
     */
    public Access.Decision peek(HttpServletRequest request, long articleId, boolean membersOnly) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return access.peek(user.get(), articleId, membersOnly);
        }
        long[] read = read(request, access.month());
        return access.anonymous(read.length, Arrays.binarySearch(read, articleId) >= 0, membersOnly);
    }

    /** The articles this request's cookie says were read this month: none without a valid one. */
    private long[] read(HttpServletRequest request, YearMonth month) {
        return Cookies.get(request, COOKIE).map(v -> cookies.read(v, month.toString(), access.freeAnonymous()))
            .orElse(new long[0]);
    }
}
