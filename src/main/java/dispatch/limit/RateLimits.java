package dispatch.limit;

import dispatch.Config;
import dispatch.db.Database;
import dispatch.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits on how often something may be done, counted in the database so that they hold across
 * every app node: sign-in attempts, and the public forms that cost a bcrypt run or send mail.
 * Each use is counted before the work is done, in one atomic statement, so requests sent at the
 * same moment cannot all slip under the limit.
 */
public final class RateLimits {
    /** At most {@code max} uses per {@code window}; {@code name} keeps one limit's buckets apart from another's. */
    public record Limit(String name, int max, Duration window) {}

    /** Expired counters are deleted every so many uses, so the table stays small without a timer. */
    private static final int PRUNE_EVERY = 500;
    private final Database database;
    private final Clock clock;
    private final AtomicInteger uses = new AtomicInteger();

    public RateLimits(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The client a request comes from, as limits count it: its address (see {@link ClientAddress}),
     * or for IPv6 its /64 network, since one household or server is given a whole /64 and could
     * otherwise take a new address for every request.
     */
    public static String client(HttpServletRequest request, Config config) {
        return network(ClientAddress.of(request, config.trustedProxies()));
    }

    static String network(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** One counted use: the count so far in this window, including it, and when the window ends. */
    public record Use(int hits, Instant windowEnds, boolean over) {}

    /**
     * Counts one use for {@code key}; {@link Use#over} when it goes beyond the limit, and then
     * {@link Use#windowEnds} says when it may be tried again. A use over the limit is counted
     * too, but the window never grows: it ends when it would have.
     */
    public Use take(Limit limit, String key) {
        long now = clock.millis();
        RateLimitDao dao = database.dao(RateLimitDao.class);
        if (uses.incrementAndGet() % PRUNE_EVERY == 0) {
            dao.prune(now);
        }
        RateLimitDao.Count count = dao.hit(bucket(limit, key), now, now + limit.window().toMillis());
        return new Use(count.hits(), Instant.ofEpochMilli(count.windowEnds()), count.hits() > limit.max());
    }

    /** Takes back one use: for a sign-in that succeeded, which should not count as a failure. */
    public void giveBack(Limit limit, String key) {
        database.dao(RateLimitDao.class).giveBack(bucket(limit, key));
    }

    public void clear(Limit limit, String key) {
        database.dao(RateLimitDao.class).clear(bucket(limit, key));
    }

    /** The limit's name and a hash of the key: what is counted for is not stored in the clear. */
    static String bucket(Limit limit, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + HexFormat.of().formatHex(hash, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
