package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.audit.KeyboardWalk;
import dispatch.support.MailBox;
import dispatch.support.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class MembershipAccessibilityTest {
    private TestSite site;
    private Browser browser;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        site.close();
    }

    /** Checks the page the browser shows now, as {@code name}; problems are gathered, not thrown. */
    private void check(String name) {
        String url = browser.driver().getCurrentUrl();
        for (Object[] view : new Object[][] {{1280, "light"}, {320, "dark"}}) {
            browser.colorScheme((String) view[1]);
            browser.width((Integer) view[0]);
            Results results = url.startsWith("http") ? Axe.scan(browser.driver())
                // An e-mail is shown inside the mail program's own landmarks: axe's rule that all
                // content sit in landmarks, one of them main, is for pages, not for a message's body.
                : new com.deque.html.axecore.selenium.AxeBuilder().withTags(Axe.TAGS)
                    .withRules(List.of(Axe.ENHANCED_CONTRAST)).disableRules(List.of("region", "landmark-one-main")).analyze(browser.driver());
            if (!results.getViolations().isEmpty()) {
                problems.add(name + " at " + view[0] + "px, " + view[1] + ":\n" + Axe.describe(results.getViolations()));
            }
        }
        browser.reset();
        if (url.startsWith("http")) {
            List<String> skip = KeyboardWalk.skipLink(browser);
            if (!skip.isEmpty()) {
                problems.add(name + ": " + skip);
            }
        }
        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);
        if (!walk.problems().isEmpty()) {
            problems.add(name + ": " + walk.problems());
        }
    }

    private void open(String path) {
        browser.open(site.url(path));
    }

    private void submit(String css, Consumer<Browser> fill) {
        fill.accept(browser);
        browser.loadsNewPage(() -> browser.driver().findElement(By.cssSelector(css)).click());
    }

    private void type(String id, String text) {
        browser.driver().findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void every_membership_page_state_and_email_passes_axe_and_the_keyboard_checks() throws IOException {
        open("/membership");
        check("membership, signed out");
        open("/account/register");
        check("register");
        submit("main form button[type=submit]", b -> { });
        check("register with errors");
        open("/account/sign-in");
        check("sign in");
        open("/account/forgot-password");
        check("forgot password");
        submit("main form button[type=submit]", b -> type("email", "someone@example.org"));
        check("forgot password, link sent");
        open("/account/reset-password?token=expired");
        check("reset link that no longer works");
        open("/account/verify?token=expired");
        check("confirmation link that no longer works");

        List<String> articles = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 4")
            .mapTo(String.class).list());
        for (String slug : articles.subList(0, 3)) {
            open("/articles/" + slug);
        }
        check("article with the free articles left");
        open("/articles/" + articles.get(3));
        assertTrue(browser.driver().findElements(By.cssSelector(".app-paywall")).size() == 1);
        check("article behind the meter");

        open("/account/register");
        submit("main form button[type=submit]", b -> {
            type("name", "Nadia Keyboard");
            type("email", "nadia@example.org");
            type("password", "a password for nadia");
        });
        check("account, just registered");
        open("/membership");
        check("membership, address not confirmed");

        Path mail = Files.createTempFile("dispatch-mail", ".html");
        Files.writeString(mail, MailBox.html(MailBox.latest(site, "nadia@example.org")));
        browser.open(mail.toUri().toString());
        check("confirmation e-mail");
        Files.delete(mail);

        open(MailBox.link(site, MailBox.latest(site, "nadia@example.org")));
        check("confirm your address");
        submit("main form button[type=submit]", b -> { });
        open("/membership");
        check("membership, ready to join");
        submit("main form[action='/membership/join'] button", b -> { });
        check("test checkout");
        submit("main form button[type=submit]", b -> { });
        check("account, member");
        open("/articles/gulf-mediators-oman-qatar-memo");
        check("members' memo, read by a member");
        open("/account");
        submit("main form[action='/account/password'] button", b -> type("current-password", "wrong"));
        check("account with errors");
        open("/account/delete");
        check("delete account");

        assertEquals(List.of(), problems, () -> String.join("\n", problems));
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
        List<String> before = new ArrayList<>(problems);
        try (TestSite stripe = TestSite.demoWith(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_key",
                "DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_test", "DISPATCH_STRIPE_API_BASE", "http://127.0.0.1:" + closed))) {
            browser.open(stripe.url("/account/register"));
            submit("main form button[type=submit]", b -> {
                type("name", "Omar Keyboard");
                type("email", "omar@example.org");
                type("password", "a password for omar");
            });
            browser.open(stripe.url(MailBox.link(stripe, MailBox.latest(stripe, "omar@example.org"))));
            submit("main form button[type=submit]", b -> { });
            browser.open(stripe.url("/membership"));
            check("membership, Stripe, ready to join");
            submit("main form[action='/membership/join'] button", b -> { });
            assertTrue(browser.driver().getCurrentUrl().endsWith("/membership?unavailable"));
            check("membership, Stripe could not be reached");
            browser.open(stripe.url("/account?joined"));
            check("account, payment being confirmed");

            long id = stripe.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = 'omar@example.org'")
                .mapTo(Long.class).one());
            stripe.database().dao(dispatch.membership.SubscriptionDao.class)
                .insertPending(id, "annual", "stripe", "sub_test_omar", java.time.Instant.now());
            new dispatch.membership.Membership(stripe.database(), java.time.Clock.systemUTC(),
                new dispatch.membership.TestGateway(java.time.Clock.systemUTC(), () -> null))
                .apply(new dispatch.membership.GatewayEvent("stripe", "evt_test_omar", "customer.subscription.updated",
                    java.time.Instant.now(), "sub_test_omar", "active", java.time.Instant.now().plusSeconds(30L * 24 * 3600), false));
            browser.open(stripe.url("/account"));
            submit("main form[action='/account/cancel'] button", b -> { });
            assertTrue(browser.driver().getCurrentUrl().endsWith("/account?cancel-failed"));
            check("account, Stripe could not be reached to cancel");
        }
        List<String> found = problems.subList(before.size(), problems.size());
        assertEquals(List.of(), found, () -> String.join("\n", found));
    }
}
