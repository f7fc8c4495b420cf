package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.account.Role;
import dispatch.account.User;
import dispatch.membership.Membership;
import dispatch.membership.Plan;
import dispatch.membership.TestGateway;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The people a site's rules are about, each with an account of their own made through the
 * accounts API (never the demo staff, whose passwords are not to be relied on), and signed in
 * through the real sign-in forms: someone with no account, a reader with a free account, a
 * member (joined through the test gateway), and one member of staff of each role.
 */
final class People {
    /** Who is asking, in the order the tables list them. */
    enum Who {
        ANONYMOUS(null), READER(Role.READER), MEMBER(Role.READER), CONTRIBUTOR(Role.CONTRIBUTOR), EDITOR(Role.EDITOR),
        ADMIN(Role.ADMIN);

        final Role role;

        Who(Role role) {
            this.role = role;
        }

        boolean isStaff() {
            return role != null && role.isStaff();
        }
    }

    private static final String PASSWORD = "rules " + UUID.randomUUID();
    private final TestSite site;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Who, User> accounts = new EnumMap<>(Who.class);
    private final Map<Who, Browsing> signedIn = new EnumMap<>(Who.class);

    People(TestSite site) {
        this.site = site;
    }

    /** Their account (made on first use); none for {@link Who#ANONYMOUS}. */
    User account(Who who) {
        if (who == Who.ANONYMOUS) {
            throw new IllegalArgumentException("no account");
        }
        return accounts.computeIfAbsent(who, this::create);
    }

    private User create(Who who) {
        Clock clock = Clock.systemUTC();
        Accounts api = new Accounts(site.database(), clock, Accounts.realPause());
        String email = who.name().toLowerCase() + "-" + unique + "@example.org";
        if (who.isStaff()) {
            return api.create(email, "Test " + who.name().toLowerCase(), who.role, PASSWORD, null);
        }
        User reader = new ReaderAccounts(site.database(), api, clock).register(email, "Test reader", PASSWORD)
            .orElseThrow();
        if (who == Who.MEMBER) {
            Membership[] built = new Membership[1];
            TestGateway gateway = new TestGateway(clock, () -> built[0]);
            Membership membership = built[0] = new Membership(site.database(), clock, gateway);
            Plan plan = membership.plans().get(0);
            membership.join(reader, plan, site.url(""));
            gateway.pay(membership.current(reader).orElseThrow(), plan);
        }
        return reader;
    }

    /** A browser signed in as them, kept for the next request. */
    Browsing browser(Who who) {
        return signedIn.computeIfAbsent(who, this::signIn);
    }

    /** A browser newly signed in as them, for a request that ends its session (signing out). */
    Browsing fresh(Who who) {
        signedIn.remove(who);
        return signIn(who);
    }

    private Browsing signIn(Who who) {
        Browsing browser = new Browsing(site);
        if (who == Who.ANONYMOUS) {
            browser.csrf();
            return browser;
        }
        User user = account(who);
        // Staff sign in where staff do; readers on the public site. Both set the same session cookie.
        var answer = who.isStaff() ? browser.signIn(user.email(), PASSWORD)
            : browser.post("/account/sign-in", Map.of("email", user.email(), "password", PASSWORD, "next", "/account"));
        assertEquals(303, answer.statusCode(), "signing in as " + who);
        return browser;
    }
}
