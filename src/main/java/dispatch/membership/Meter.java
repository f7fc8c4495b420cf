package dispatch.membership;

import dispatch.account.ReaderFilter;
import dispatch.db.Database;
import dispatch.web.Cookies;
import dispatch.web.PageCache;
import dispatch.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpField;

/**
 * Who is reading, for the meter, and what they read this month. A signed-in reader's month is
 * in the database (see {@link Access}). A reader without an account carries theirs in the meter
 * cookie, signed by the site (see {@link MeterCookie}): deciding is a signature check and
 * counting a cookie written, with no database query.
 *
 * <p>For readers without an account the meter is also the page cache's {@link #VARIATION} of an
 * article page ({@link #of}): a kept article page is kept once per decision (free with N left,
 * or gated and why), and each reader is given their own cookie with it. The servlets decide
 * with the same rule ({@link #open}) when the page is rendered, so both give the same answer.
 */
public final class Meter implements PageCache.Variation {
    public static final String COOKIE = "dispatch_meter";
    /** What an article page names to the page cache as depending on: this reader's decision. */
    public static final String VARIATION = "access";
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

    /** What an article page names as its subject with {@link #VARIATION}. */
    public static String subject(long articleId, boolean membersOnly) {
        return membersOnly ? articleId + " members" : Long.toString(articleId);
    }

    /**
     * Opens an article for the reader of this request, counting it when it is free to them. A
     * reader without an account is given a cookie holding this month's articles, this one added.
     */
    public Access.Decision open(HttpServletRequest request, HttpServletResponse response, long articleId,
                                boolean membersOnly) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return access.open(user.get(), articleId, membersOnly);
        }
        Reading reading = read(Cookies.get(request, COOKIE).orElse(null), articleId, membersOnly);
        if (reading.cookie() != null) {
            Cookies.set(request, response, COOKIE, reading.cookie(), ONE_YEAR, "Lax");
        }
        return reading.decision();
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
        return read(Cookies.get(request, COOKIE).orElse(null), articleId, membersOnly).decision();
    }

    /**
     * The page cache's question for an article page ({@code subject} from {@link #subject}): this
     * reader's decision, and their cookie with this article counted. Only a GET that is not a
     * prefetch is a reading; anything else is answered afresh by the servlet, which peeks.
     * A signed-in reader (found by the accounts' variation before this one) is decided and
     * counted in the database, as the servlet does.
     */
    @Override
    public PageCache.Part of(PageCache.Asked request, String subject) {
        if (!"GET".equals(request.method())
                || Requests.prefetch(request.header("Sec-Purpose"), request.header("Purpose"))) {
            return PageCache.Part.afresh();
        }
        boolean membersOnly = subject.endsWith(" members");
        long id = Long.parseLong(membersOnly ? subject.substring(0, subject.indexOf(' ')) : subject);
        var user = ReaderFilter.found(request);
        if (user.isPresent()) {
            return new PageCache.Part(access.open(user.get(), id, membersOnly).toString(), true, List.of());
        }
        Reading reading = read(request.cookie(COOKIE), id, membersOnly);
        List<HttpField> headers = reading.cookie() == null ? List.of()
            : List.of(Cookies.header(COOKIE, reading.cookie(), ONE_YEAR, "Lax", request.secure()));
        return new PageCache.Part(reading.decision().toString(), true, headers);
    }

    /** A decision, and the cookie to give the reader when this read counts (null when it does not). */
    private record Reading(Access.Decision decision, String cookie) {}

    /** The one rule for a reader without an account, from their cookie (null for none). */
    private Reading read(String cookie, long articleId, boolean membersOnly) {
        YearMonth month = access.month();
        long[] read = cookie == null ? new long[0] : cookies.read(cookie, month.toString(), access.freeAnonymous());
        boolean seen = Arrays.binarySearch(read, articleId) >= 0;
        Access.Decision decision = access.anonymous(read.length, seen, membersOnly);
        if (!decision.full() || seen) {
            return new Reading(decision, null);
        }
        long[] now = Arrays.copyOf(read, read.length + 1);
        now[read.length] = articleId;
        Arrays.sort(now);
        return new Reading(decision, cookies.write(month.toString(), now));
    }
}
