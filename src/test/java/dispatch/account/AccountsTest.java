package dispatch.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.db.Database;
import dispatch.limit.RateLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("postgresql")
class AccountsTest {
    private static final String HERE = "192.0.2.1";
    private static final String ELSEWHERE = "198.51.100.7";
    @TempDir
    Path dir;
    private final List<Duration> pauses = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private Accounts accounts;
    private RateLimits limits;

    /** A clock the test can move forward. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Database database;

    @BeforeEach
    void create() {
        database = dispatch.support.TestDatabase.open(dir);
        accounts = new Accounts(database, clock, pauses::add);
        limits = new RateLimits(database, clock);
        accounts.create("Ed@Example.org ", "Ed", Role.EDITOR, "correct horse battery", null);
    }

    /** No pool outlives its data folder, which JUnit deletes after each test. */
    @org.junit.jupiter.api.AfterEach
    void close() {
        database.close();
    }

    @Test
    void signs_in_with_any_case_of_the_address_and_finds_the_user_from_the_session() {
        var result = accounts.signIn("ED@example.org", "correct horse battery", HERE);
        var signedIn = assertInstanceOf(Accounts.SignedIn.class, result);
        assertEquals("ed@example.org", accounts.user(signedIn.token()).orElseThrow().email());
        accounts.signOut(signedIn.token(), signedIn.user());
        assertTrue(accounts.user(signedIn.token()).isEmpty(), "signing out ends the session");
    }

    @Test
    void sessions_expire() {
        var signedIn = (Accounts.SignedIn) accounts.signIn("ed@example.org", "correct horse battery", HERE);
        clock.now = clock.now.plus(Accounts.SESSION_LENGTH).plusSeconds(1);
        assertTrue(accounts.user(signedIn.token()).isEmpty());
    }

    @Test
    void repeated_failures_are_slowed_down_then_refused_for_a_while() {
        for (int i = 0; i < Accounts.SLOW_AFTER; i++) {
            assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "wrong", HERE));
        }
        assertTrue(pauses.isEmpty(), "the first failures answer at once");
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "wrong", HERE));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses, "then each answer waits");
        var locked = assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "wrong", HERE));
        assertEquals(clock.now.plus(Accounts.PER_ADDRESS_AND_CLIENT.window()), locked.until());
        assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "correct horse battery", HERE),
            "even the right password is refused while locked");
        clock.now = locked.until().plusSeconds(1);
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery", HERE));
    }

    @Test
    void a_client_locked_out_of_an_account_does_not_lock_its_owner_out_from_elsewhere() {
        for (int i = 0; i < Accounts.PER_ADDRESS_AND_CLIENT.max(); i++) {
            accounts.signIn("ed@example.org", "wrong", HERE);
        }
        assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "correct horse battery", HERE));
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery", ELSEWHERE));
    }

    @Test
    void one_client_guessing_many_accounts_is_stopped_at_the_per_client_limit() {
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("person@example.org", "wrong", HERE));
        // The rest of the limit's failures, counted straight into the same counter (bcrypt is slow).
        for (int i = 1; i < Accounts.PER_CLIENT.max(); i++) {
            limits.take(Accounts.PER_CLIENT, HERE);
        }
        assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "correct horse battery", HERE),
            "refused before the password is checked");
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery", ELSEWHERE));
    }

    @Test
    void many_clients_guessing_one_account_lock_it_until_the_hour_ends() {
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "wrong", "203.0.113." + i));
        }
        for (int i = 4; i < Accounts.PER_ADDRESS.max(); i++) {
            limits.take(Accounts.PER_ADDRESS, "ed@example.org");
        }
        var locked = assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "correct horse battery", ELSEWHERE));
        clock.now = locked.until().plusSeconds(1);
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery", ELSEWHERE));
    }

    @Test
    void successful_sign_ins_do_not_use_up_the_limits() {
        for (int i = 1; i < Accounts.PER_CLIENT.max(); i++) {
            limits.take(Accounts.PER_CLIENT, HERE);
        }
        for (int i = 0; i < Accounts.PER_ADDRESS_AND_CLIENT.max() + 2; i++) {
            assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery", HERE));
        }
    }

    @Test
    void an_over_long_password_is_a_wrong_password() {
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "x".repeat(73), HERE));
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "☃".repeat(30), HERE), "90 bytes");
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "y".repeat(1_000_000), HERE));
        assertTrue(Passwords.problem("☃".repeat(24)) == null, "72 bytes is allowed");
        assertTrue(Passwords.problem("☃".repeat(25)) != null, "75 bytes is not");
    }

    @Test
    void an_unknown_address_is_refused_like_a_wrong_password() {
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("nobody@example.org", "correct horse battery", HERE));
    }

    @Test
    void passwords_are_checked_for_length_only() {
        assertTrue(Passwords.problem("short") != null);
        assertEquals(null, Passwords.problem("ten chars!"));
        assertEquals(null, Passwords.problem("ünïcödé pässwörd ☃"));
        assertTrue(Passwords.problem("x".repeat(73)) != null, "bcrypt would silently cut it");
    }
}
