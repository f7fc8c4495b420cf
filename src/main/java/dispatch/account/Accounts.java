package dispatch.account;

import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import dispatch.limit.RateLimits;
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
 * between (readers' own flows are in {@link ReaderAccounts}). Sessions and sign-in attempts are
 * kept in the database so that any app node can check them.
 *
 * <p>Sign-in attempts are throttled by three counters (see {@link RateLimits}), each taken
 * atomically <em>before</em> the password is checked, so guesses sent all at once cannot
 * outrun them: {@link #PER_ADDRESS_AND_CLIENT} (one client guessing one account's password:
 * slowed after {@link #SLOW_AFTER}, then refused for the rest of the window),
 * {@link #PER_CLIENT} (one client trying many accounts) and, larger, {@link #PER_ADDRESS} (many
 * clients trying one account). An attacker at one address is stopped after a few guesses while
 * the account's owner, signing in from another address, is not; only an attack from many
 * networks at once can lock the owner out, and then only until the hour ends. A successful
 * sign-in gives its attempt back, so only failures add up.
 */
public final class Accounts {
    static final Duration SESSION_LENGTH = Duration.ofHours(12);
    public static final RateLimits.Limit PER_ADDRESS_AND_CLIENT = new RateLimits.Limit("sign-in", 5, Duration.ofMinutes(15));
    public static final RateLimits.Limit PER_CLIENT = new RateLimits.Limit("sign-in-client", 30, Duration.ofMinutes(15));
    public static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("sign-in-address", 50, Duration.ofHours(1));
    static final int SLOW_AFTER = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Pause pause;
    private final RateLimits limits;

    /** How the sign-in waits when slowed down; tests pass one that only records the wait. */
    public interface Pause {
        void sleep(Duration duration);
    }

    public Accounts(Database database, Clock clock, Pause pause) {
        this.database = database;
        this.clock = clock;
        this.pause = pause;
        this.limits = new RateLimits(database, clock);
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

    /**
     * Signs in with an address and a password, from {@code client} (the address limits count, see
     * {@link RateLimits#client}). Every counter is taken before the password is checked; once
     * one is over its limit the answer is {@link Locked}, whatever the password.
     */
    public SignIn signIn(String email, String password, String client) {
        String address = normalise(email);
        String pair = address + "\n" + client;
        RateLimits.Use mine = limits.take(PER_ADDRESS_AND_CLIENT, pair);
        if (mine.over()) {
            return new Locked(mine.windowEnds());
        }
        RateLimits.Use fromClient = limits.take(PER_CLIENT, client);
        if (fromClient.over()) {
            return new Locked(fromClient.windowEnds());
        }
        RateLimits.Use onAddress = limits.take(PER_ADDRESS, address);
        if (onAddress.over()) {
            return new Locked(onAddress.windowEnds());
        }
        if (mine.hits() > SLOW_AFTER) {
            pause.sleep(Duration.ofSeconds(Math.min(5, mine.hits() - SLOW_AFTER)));
        }
        UserDao users = database.dao(UserDao.class);
        Optional<String> hash = users.passwordHash(address);
        boolean ok = Passwords.matches(password == null ? "" : password, hash.orElse(Passwords.DECOY)) && hash.isPresent();
        if (!ok) {
            return mine.hits() >= PER_ADDRESS_AND_CLIENT.max() ? new Locked(mine.windowEnds()) : new Refused();
        }
        limits.clear(PER_ADDRESS_AND_CLIENT, pair);
        limits.giveBack(PER_CLIENT, client);
        limits.giveBack(PER_ADDRESS, address);
        Instant now = clock.instant();
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

    /** Whole seconds from now until {@code until}, at least one: for a Retry-After header. */
    public long secondsUntil(Instant until) {
        return Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
    }

    /** Forgets the failed attempts on an address from all clients together: its owner has just proved it theirs. */
    void forgetFailures(String email) {
        limits.clear(PER_ADDRESS, normalise(email));
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
