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
 * opening an article again does not count twice.
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
     * A reader: signed in ({@code user}), or known only by the meter cookie's random id
     * ({@code meterId}, null when they have none yet).
     */
    public record Reader(User user, String meterId) {
        String meterKey() {
            return user != null ? "u" + user.id() : meterId == null ? null : "a" + meterId;
        }
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

    /** Opens an article for a reader, counting it against the meter when it is free to them. */
    public Decision open(Reader reader, long articleId, boolean membersOnly) {
        return decide(reader, articleId, membersOnly, true);
    }

    /**
     * The decision for a reader the site has never seen (no account, no meter cookie): nothing
     * read this month, so within the meter unless the article is for members. Looks nothing up.
     */
    public Decision firstRead(boolean membersOnly) {
        if (membersOnly) {
            return new Decision(false, Reason.MEMBERS_ONLY, -1, freeAnonymous, false);
        }
        return freeAnonymous > 0 ? new Decision(true, Reason.FREE, freeAnonymous - 1, freeAnonymous, false)
            : new Decision(false, Reason.METER_USED_UP, 0, freeAnonymous, false);
    }

    /** Records a read that happened earlier (a first read carried in the meter cookie), in the month it is recorded. */
    public void record(Reader reader, long articleId) {
        Instant now = clock.instant();
        database.jdbi().useHandle(h -> h.createUpdate("""
            INSERT INTO meter_reads (reader, month, article_id, read_at)
            SELECT :reader, :month, id, :now FROM articles WHERE id = :article
            ON CONFLICT DO NOTHING""")
            .bind("reader", reader.meterKey()).bind("month", YearMonth.from(now.atZone(ZoneOffset.UTC)).toString())
            .bind("article", articleId).bind("now", now).execute());
    }

    /** The same decision without counting anything (for previews, feeds and search). */
    public Decision peek(Reader reader, long articleId, boolean membersOnly) {
        return decide(reader, articleId, membersOnly, false);
    }

    private Decision decide(Reader reader, long articleId, boolean membersOnly, boolean count) {
        boolean signedIn = reader.user() != null;
        int allowance = signedIn ? freeSignedIn : freeAnonymous;
        if (entitled(reader.user())) {
            return new Decision(true, Reason.MEMBER, -1, allowance, signedIn);
        }
        if (membersOnly) {
            return new Decision(false, Reason.MEMBERS_ONLY, -1, allowance, signedIn);
        }
        String key = reader.meterKey();
        Instant now = clock.instant();
        String month = YearMonth.from(now.atZone(ZoneOffset.UTC)).toString();
        MeterDao meter = database.dao(MeterDao.class);
        MeterDao.Month seen = key == null ? new MeterDao.Month(0, false) : meter.month(key, month, articleId);
        int used = seen.used();
        if (seen.read()) {
            return new Decision(true, Reason.FREE, Math.max(0, allowance - used), allowance, signedIn);
        }
        if (used >= allowance) {
            return new Decision(false, Reason.METER_USED_UP, 0, allowance, signedIn);
        }
        if (count && key != null) {
            meter.record(key, month, articleId, now);
        }
        return new Decision(true, Reason.FREE, allowance - used - 1, allowance, signedIn);
    }
}
