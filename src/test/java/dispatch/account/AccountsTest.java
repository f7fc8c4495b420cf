package dispatch.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path dir;
    private final List<Duration> pauses = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private Accounts accounts;

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

    @BeforeEach
    void create() {
        accounts = new Accounts(dispatch.support.TestDatabase.open(dir), clock, pauses::add);
        accounts.create("Ed@Example.org ", "Ed", Role.EDITOR, "correct horse battery", null);
    }

    @Test
    void signs_in_with_any_case_of_the_address_and_finds_the_user_from_the_session() {
        var result = accounts.signIn("ED@example.org", "correct horse battery");
        var signedIn = assertInstanceOf(Accounts.SignedIn.class, result);
        assertEquals("ed@example.org", accounts.user(signedIn.token()).orElseThrow().email());
        accounts.signOut(signedIn.token(), signedIn.user());
        assertTrue(accounts.user(signedIn.token()).isEmpty(), "signing out ends the session");
    }

    @Test
    void sessions_expire() {
        var signedIn = (Accounts.SignedIn) accounts.signIn("ed@example.org", "correct horse battery");
        clock.now = clock.now.plus(Accounts.SESSION_LENGTH).plusSeconds(1);
        assertTrue(accounts.user(signedIn.token()).isEmpty());
    }

    @Test
    void repeated_failures_are_slowed_down_then_refused_for_a_while() {
        for (int i = 0; i < Accounts.SLOW_AFTER; i++) {
            assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "wrong"));
        }
        assertTrue(pauses.isEmpty(), "the first failures answer at once");
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ed@example.org", "wrong"));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses, "then each answer waits");
        var locked = assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "wrong"));
        assertEquals(clock.now.plus(Accounts.LOCK_FOR), locked.until());
        assertInstanceOf(Accounts.Locked.class, accounts.signIn("ed@example.org", "correct horse battery"),
            "even the right password is refused while locked");
        clock.now = locked.until().plusSeconds(1);
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ed@example.org", "correct horse battery"));
    }

    @Test
    void an_unknown_address_is_refused_like_a_wrong_password() {
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("nobody@example.org", "correct horse battery"));
    }

    @Test
    void passwords_are_checked_for_length_only() {
        assertTrue(Passwords.problem("short") != null);
        assertEquals(null, Passwords.problem("ten chars!"));
        assertEquals(null, Passwords.problem("ünïcödé pässwörd ☃"));
        assertTrue(Passwords.problem("x".repeat(73)) != null, "bcrypt would silently cut it");
    }
}
