package dispatch.membership;

import dispatch.account.User;
import dispatch.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Who may read what. Memos and reports are for members; every other article is metered: a
 * few free each month without an account, a few more with a free one, all of them for
 * members (and staff). The meter counts different articles in a calendar month (UTC);
 * opening an article again does not count twice. A signed-in reader's month is looked up and
 * recorded in the database; a reader without an account brings theirs (see {@link Meter}).
 */
public final class Access {
    private final Database database;
    private final Clock clock;
    private final Membership membership;
    private final int freeAnonymous;
    private final int freeSignedIn;

    public Access(Database database, Clock clock, Membership membership, int freeAnonymous, int freeSignedIn) {
        this.database = database;
        this.clock = clock;
        this.membership = membership;
        this.freeAnonymous = freeAnonymous;
        this.freeSignedIn = freeSignedIn;
    }

    /**
     * What one reader may see of one article.
     *
     * @param full          the whole article may be sent
     * @param reason        MEMBER (members and staff), FREE (within the meter), MEMBERS_ONLY, METER_USED_UP
     * @param freeLeft      free articles left this month after this one; -1 when no meter applies
     * @param allowance     free articles a month for this reader
     */
    public record Decision(boolean full, Reason reason, int freeLeft, int allowance, boolean signedIn) {
        public boolean metered() {
            return freeLeft >= 0;
        }
    }

    public enum Reason { MEMBER, FREE, MEMBERS_ONLY, METER_USED_UP }

    /**
     * Whether the reader may read every article, members-only ones included (members and staff):
     * the first question of every decision below, and what search asks to know whose text it
     * may match (dispatch.search).
     */
    public boolean entitled(User user) {
        return membership.entitled(user);
    }

    /** Opens an article for a signed-in reader, counting it against their meter when it is free to them. */
    public Decision open(User reader, long articleId, boolean membersOnly) {
        return signedIn(reader, articleId, membersOnly, true);
    }

    /** The same decision without counting anything (a HEAD, a prefetch). */
    public Decision peek(User reader, long articleId, boolean membersOnly) {
        return signedIn(reader, articleId, membersOnly, false);
    }

    /**
     * What a reader without an account may see of an article, given what they read this month
     * ({@code used} different articles, this one among them or not), which their meter cookie
     * carries (see {@link Meter}): decided without the database.
     */
    public Decision anonymous(int used, boolean read, boolean membersOnly) {
        if (membersOnly) {
            return new Decision(false, Reason.MEMBERS_ONLY, -1, freeAnonymous, false);
        }
        return metered(freeAnonymous, false, used, read);
    }

    /** The free articles a month for a reader without an account. */
    public int freeAnonymous() {
        return freeAnonymous;
    }

    /** This calendar month (UTC), as the meter counts: 2026-12. */
    public YearMonth month() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }

    private Decision signedIn(User reader, long articleId, boolean membersOnly, boolean count) {
        int allowance = freeSignedIn;
        if (entitled(reader)) {
            return new Decision(true, Reason.MEMBER, -1, allowance, true);
        }
        if (membersOnly) {
            return new Decision(false, Reason.MEMBERS_ONLY, -1, allowance, true);
        }
        String key = "u" + reader.id();
        Instant now = clock.instant();
        String month = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
        MeterDao meter = database.dao(MeterDao.class);
        MeterDao.Month seen = meter.month(key, month, articleId);
        Decision decision = metered(allowance, true, seen.used(), seen.read());
        if (count && decision.full() && !seen.read()) {
            meter.record(key, month, articleId, now);
        }
        return decision;
    }

    /** The meter's rule: an article read already this month is free again; otherwise one of the allowance, if any is left. */
    private static Decision metered(int allowance, boolean signedIn, int used, boolean read) {
        if (read) {
            return new Decision(true, Reason.FREE, Math.max(0, allowance - used), allowance, signedIn);
        }
        if (used >= allowance) {
            return new Decision(false, Reason.METER_USED_UP, 0, allowance, signedIn);
        }
        return new Decision(true, Reason.FREE, allowance - used - 1, allowance, signedIn);
    }
}
