package dispatch.account;

import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts, readers' and staff's alike: creating staff, signing in and out, and the sessions in
 * between (readers' own flows are in {@link ReaderAccounts}). Sessions and
 * failed attempts are kept in the database so that any app node can check them.
 *
 * <p>Repeated failures for one address are slowed down (a growing pause before the answer)
 * and then refused for a while: {@link #SLOW_AFTER} failures within {@link #WINDOW} start the
 * pauses, {@link #LOCK_AFTER} lock the address for {@link #LOCK_FOR}.
 */
public final class Accounts {
    static final Duration SESSION_LENGTH = Duration.ofHours(12);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final int SLOW_AFTER = 3;
    static final int LOCK_AFTER = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Pause pause;

    /** How the sign-in waits when slowed down; tests pass one that only records the wait. */
    public interface Pause {
        void sleep(Duration duration);
    }

    public Accounts(Database database, Clock clock, Pause pause) {
        this.database = database;
        this.clock = clock;
        this.pause = pause;
    }

    public static Pause realPause() {
        return d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Creates a member of staff; the caller has checked the fields. {@code by} is null from the command line. */
    public User create(String email, String name, Role role, String password, Long by) {
        String hash = Passwords.hash(password);
        return database.jdbi().inTransaction(h -> {
            long id = h.attach(UserDao.class).insert(normalise(email), name.strip(), role.code(), hash, clock.instant());
            h.attach(ActivityLog.class).record(by, "staff.create", normalise(email), "role " + role.code(), clock.instant());
            return h.attach(UserDao.class).find(id).orElseThrow();
        });
    }

    /** The outcome of a sign-in attempt. */
    public sealed interface SignIn permits SignedIn, Refused, Locked {}

    public record SignedIn(User user, String token) implements SignIn {}

    public record Refused() implements SignIn {}

    public record Locked(Instant until) implements SignIn {}

    public SignIn signIn(String email, String password) {
        String address = normalise(email);
        Instant now = clock.instant();
        ThrottleDao throttle = database.dao(ThrottleDao.class);
        var failures = throttle.find(address)
            .filter(f -> f.lockedUntil() != null ? f.lockedUntil().isAfter(now) : f.firstFailureAt().plus(WINDOW).isAfter(now));
        if (failures.isPresent() && failures.get().lockedUntil() != null) {
            return new Locked(failures.get().lockedUntil());
        }
        int before = failures.map(ThrottleDao.Failures::failures).orElse(0);
        if (before >= SLOW_AFTER) {
            pause.sleep(Duration.ofSeconds(Math.min(5, before - SLOW_AFTER + 1)));
        }
        UserDao users = database.dao(UserDao.class);
        Optional<String> hash = users.passwordHash(address);
        boolean ok = Passwords.matches(password == null ? "" : password, hash.orElse(Passwords.DECOY)) && hash.isPresent();
        if (!ok) {
            int count = before + 1;
            Instant first = failures.map(ThrottleDao.Failures::firstFailureAt).orElse(now);
            Instant lockedUntil = count >= LOCK_AFTER ? now.plus(LOCK_FOR) : null;
            throttle.save(address, count, first, lockedUntil);
            return lockedUntil != null ? new Locked(lockedUntil) : new Refused();
        }
        throttle.clear(address);
        User user = users.findByEmail(address).orElseThrow();
        String token = newToken();
        database.jdbi().useTransaction(h -> {
            h.attach(SessionDao.class).insert(hashOf(token), user.id(), now, now.plus(SESSION_LENGTH));
            if (user.isStaff()) {  // the activity log is the newsroom's record of what staff did
                h.attach(ActivityLog.class).record(user.id(), "session.sign-in", address, null, now);
            }
        });
        return new SignedIn(user, token);
    }

    /** The signed-in user for a session token, if the session exists, has not expired and the account is enabled. */
    public Optional<User> user(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.dao(SessionDao.class).userOf(hashOf(token), clock.instant())
            .flatMap(id -> database.dao(UserDao.class).find(id))
            .filter(u -> !u.disabled());
    }

    public void signOut(String token, User user) {
        database.jdbi().useTransaction(h -> {
            h.attach(SessionDao.class).delete(hashOf(token));
            if (user.isStaff()) {
                h.attach(ActivityLog.class).record(user.id(), "session.sign-out", user.email(), null, clock.instant());
            }
        });
    }

    /** The account with this address, if there is one. */
    public Optional<User> find(String email) {
        return database.dao(UserDao.class).findByEmail(normalise(email));
    }

    /** Starts a session for someone who has just proved who they are another way (a reset link). */
    String startSession(User user) {
        String token = newToken();
        Instant now = clock.instant();
        database.dao(SessionDao.class).insert(hashOf(token), user.id(), now, now.plus(SESSION_LENGTH));
        return token;
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
