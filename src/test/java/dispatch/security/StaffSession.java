package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.account.Accounts;
import dispatch.account.Role;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.time.Clock;
import java.util.UUID;

/**
 * A member of staff of the security tests' own: an administrator made through the accounts,
 * signed in through the newsroom's sign-in form, so the tests do not depend on the demo's staff.
 */
final class StaffSession {
    static Browsing administrator(TestSite site) {
        String email = "security-" + UUID.randomUUID() + "@example.org";
        String password = "Pw-" + UUID.randomUUID();
        new Accounts(site.database(), Clock.systemUTC(), Accounts.realPause())
            .create(email, "Security Tester", Role.ADMIN, password, null);
        Browsing browser = new Browsing(site);
        assertEquals(303, browser.signIn(email, password).statusCode(), "the test's administrator signs in");
        return browser;
    }

    private StaffSession() {}
}
