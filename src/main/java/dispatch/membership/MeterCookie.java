package dispatch.membership;

import dispatch.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The month of a reader without an account, as their meter cookie carries it:
 * {@code MONTH.IDS.SIGNATURE}, say {@code 2026-12.4_17_23.<43 characters>}, where IDS are the
 * different articles they read that month in ascending order, and the signature is HMAC-SHA256
 * of {@code MONTH.IDS} under the site's key. Without the key nobody can make up or change a
 * month, so the meter needs no database: reading the cookie is a signature check.
 *
 * <p>The key is kept in the database (table meter_key), made by the first node that starts and
 * read by every node once, at start.
 */
final class MeterCookie {
    /**
     * The most articles one cookie holds, which bounds DISPATCH_FREE_ARTICLES (see Config): at
     * 18 digits an id, 200 of them stay under the 4,096 bytes browsers keep of a cookie.
     */
    static final int MAX_ARTICLES = 200;
    /** Longer than any cookie this class writes: anything longer is refused before it is parsed. */
    private static final int MAX_LENGTH = 7 + 1 + MAX_ARTICLES * 19 + 43;
    private static final Pattern IDS = Pattern.compile("[0-9]{1,18}(_[0-9]{1,18})*");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A Mac is not safe to share between threads, and making one for every request costs more than using it. */
    private final ThreadLocal<Mac> macs;

    MeterCookie(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::mac);
    }

    /** The site's key, made and stored by the first node to start; every node reads the one stored. */
    interface KeyDao {
        /** Stores this key unless one is stored already (several nodes may start at once). */
        @SqlUpdate("INSERT INTO meter_key (id, secret, created_at) VALUES (1, :secret, :now) ON CONFLICT DO NOTHING")
        int offer(@Bind("secret") String secret, @Bind("now") java.time.Instant now);

        @SqlQuery("SELECT secret FROM meter_key WHERE id = 1")
        String secret();
    }

    /**
     * The site's key: a new random one is offered, and whichever was stored first is used, so
     * that nodes starting together on PostgreSQL all end with the same key.
     */
    static MeterCookie load(Database database, Clock clock) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        KeyDao keys = database.dao(KeyDao.class);
        keys.offer(Base64.getEncoder().encodeToString(fresh), clock.instant());
        return new MeterCookie(Base64.getDecoder().decode(keys.secret()));
    }

    /** The cookie for these articles (distinct, ascending) read in this month (YYYY-MM). */
    String write(String month, long[] articles) {
        StringBuilder value = new StringBuilder(month).append('.');
        for (int i = 0; i < articles.length; i++) {
            value.append(i == 0 ? "" : "_").append(articles[i]);
        }
        String signed = value.toString();
        return signed + '.' + sign(signed);
    }

    /**
     * The articles (ascending) a cookie says were read this month; none when it is not one this
     * site signed, is from another month, or holds more than {@code allowance} articles: whatever
     * is wrong with it, the reader starts the month afresh, and can get no more than a new
     * reader gets.
     */
    long[] read(String value, String month, int allowance) {
        if (value.length() > MAX_LENGTH || !value.startsWith(month + ".")) {
            return new long[0];
        }
        int last = value.lastIndexOf('.');
        if (last <= month.length()) {
            return new long[0];
        }
        String signed = value.substring(0, last);
        String ids = signed.substring(month.length() + 1);
        String signature = value.substring(last + 1);
        if (!SIGNATURE.matcher(signature).matches() || !IDS.matcher(ids).matches()
                || !MessageDigest.isEqual(sign(signed).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
            return new long[0];
        }
        long[] articles = Arrays.stream(ids.split("_")).mapToLong(Long::parseLong).toArray();
        for (int i = 1; i < articles.length; i++) {
            if (articles[i] <= articles[i - 1]) {
                return new long[0];  // never written so: not ours
            }
        }
        return articles.length > allowance ? new long[0] : articles;
    }

    private String sign(String text) {
        byte[] mac = macs.get().doFinal(text.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }
}
