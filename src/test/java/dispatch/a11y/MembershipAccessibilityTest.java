package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Browser;
import dispatch.support.SharedBrowser;
import dispatch.support.MailBox;
import dispatch.support.PageChecks;
import dispatch.support.TestSite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Every page and state of a reader's account and of membership, and the account e-mails, held
 * to the reading site's bar: axe finds nothing at 1280 px (light) and 320 px (dark), the skip
 * link comes first and works, and the keyboard reaches everything with focus always visible.
 * The pages are reached as a reader reaches them: through the forms, in one browser, on a site
 * with the meter as it ships.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class MembershipAccessibilityTest {
    private TestSite site;
    private Browser browser;
    private PageChecks checks;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        browser = SharedBrowser.clean();
        checks = new PageChecks(browser);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private void open(String path) {
        browser.open(site.url(path));
    }

    @Test
    void every_membership_page_state_and_email_passes_axe_and_the_keyboard_checks() throws IOException {
        open("/membership");
        checks.check("membership, signed out");
        open("/account/register");
        checks.check("register");
        checks.submit("main form button[type=submit]", b -> { });
        checks.check("register with errors");
        open("/account/sign-in");
        checks.check("sign in");
        open("/account/forgot-password");
        checks.check("forgot password");
        checks.submit("main form button[type=submit]", b -> checks.type("email", "someone@example.org"));
        checks.check("forgot password, link sent");
        open("/account/reset-password?token=expired");
        checks.check("reset link that no longer works");
        open("/account/verify?token=expired");
        checks.check("confirmation link that no longer works");

        List<String> articles = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 4")
            .mapTo(String.class).list());
        for (String slug : articles.subList(0, 3)) {
            open("/articles/" + slug);
        }
        checks.check("article with the free articles left");
        open("/articles/" + articles.get(3));
        assertTrue(browser.driver().findElements(By.cssSelector(".app-paywall")).size() == 1);
        checks.check("article behind the meter");

        open("/account/register");
        checks.submit("main form button[type=submit]", b -> {
            checks.type("name", "Nadia Keyboard");
            checks.type("email", "nadia@example.org");
            checks.type("password", "a password for nadia");
        });
        checks.check("register, check your email");
        // Signing in before confirming: the account exists, its address is not confirmed yet.
        open("/account/sign-in");
        checks.submit("main form button[type=submit]", b -> {
            checks.type("email", "nadia@example.org");
            checks.type("password", "a password for nadia");
        });
        checks.check("account, just registered");
        open("/membership");
        checks.check("membership, address not confirmed");

        checks.checkMail("confirmation e-mail", site, "nadia@example.org");

        open(MailBox.link(site, MailBox.latest(site, "nadia@example.org")));
        checks.check("confirm your address");
        checks.submit("main form button[type=submit]", b -> { });
        open("/membership");
        checks.check("membership, ready to join");
        checks.submit("main form[action='/membership/join'] button", b -> { });
        checks.check("test checkout");
        checks.submit("main form button[type=submit]", b -> { });
        checks.check("account, member");
        open("/articles/gulf-mediators-oman-qatar-memo");
        checks.check("members' memo, read by a member");
        open("/account");
        checks.submit("main form[action='/account/password'] button", b -> checks.type("current-password", "wrong"));
        checks.check("account with errors");
        open("/account/delete");
        checks.check("delete account");

        assertEquals(List.of(), checks.problems(), () -> String.join("\n", checks.problems()));
    }

    /**
     * With Stripe configured: the pages without the test-mode notice, and the notices a reader
     * meets when Stripe cannot be reached (joining, cancelling) or has not yet confirmed a payment.
     * Stripe's API is a closed port here, so every call to it fails as an outage would.
     */
    @Test
    void the_stripe_states_pass_axe_and_the_keyboard_checks() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<String> before = new ArrayList<>(checks.problems());
        try (TestSite stripe = TestSite.demoWith(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_key",
                "DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_test", "DISPATCH_STRIPE_API_BASE", "http://127.0.0.1:" + closed))) {
            browser.open(stripe.url("/account/register"));
            checks.submit("main form button[type=submit]", b -> {
                checks.type("name", "Omar Keyboard");
                checks.type("email", "omar@example.org");
                checks.type("password", "a password for omar");
            });
            browser.open(stripe.url(MailBox.link(stripe, MailBox.latest(stripe, "omar@example.org"))));
            checks.submit("main form button[type=submit]", b -> { });
            browser.open(stripe.url("/membership"));
            checks.check("membership, Stripe, ready to join");
            checks.submit("main form[action='/membership/join'] button", b -> { });
            assertTrue(browser.driver().getCurrentUrl().endsWith("/membership?unavailable"));
            checks.check("membership, Stripe could not be reached");
            browser.open(stripe.url("/account?joined"));
            checks.check("account, payment being confirmed");

            long id = stripe.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = 'omar@example.org'")
                .mapTo(Long.class).one());
            stripe.database().dao(dispatch.membership.SubscriptionDao.class)
                .insertPending(id, "annual", "stripe", "sub_test_omar", java.time.Instant.now());
            new dispatch.membership.Membership(stripe.database(), java.time.Clock.systemUTC(),
                new dispatch.membership.TestGateway(java.time.Clock.systemUTC(), () -> null))
                .apply(new dispatch.membership.GatewayEvent("stripe", "evt_test_omar", "customer.subscription.updated",
                    java.time.Instant.now(), "sub_test_omar", "active", java.time.Instant.now().plusSeconds(30L * 24 * 3600), false));
            browser.open(stripe.url("/account"));
            checks.submit("main form[action='/account/cancel'] button", b -> { });
            assertTrue(browser.driver().getCurrentUrl().endsWith("/account?cancel-failed"));
            checks.check("account, Stripe could not be reached to cancel");
        }
        List<String> found = checks.problems().subList(before.size(), checks.problems().size());
        assertEquals(List.of(), found, () -> String.join("\n", found));
    }
}
