package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.FakeStripe;
import dispatch.support.MailBox;
import dispatch.support.TestSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Joining and cancelling through Stripe, on a real site configured with Stripe keys and a
 * stand-in for Stripe's API on 127.0.0.1 that keeps what stripe-java sent it: joining creates a
 * Checkout Session in subscription mode for the plan's price with our user id and sends the
 * reader there; cancelling asks Stripe to stop at the period's end. When Stripe cannot be
 * reached, the reader is told so and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class StripeCheckoutTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    private FakeStripe stripe;
    private TestSite site;

    @BeforeAll
    void start() {
        stripe = new FakeStripe();
        site = stripeSite(stripe.url());
    }

    @AfterAll
    void stop() {
        site.close();
        stripe.close();
    }

    private static TestSite stripeSite(String apiBase) {
        return TestSite.demoWith(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_key",
            "DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_test", "DISPATCH_STRIPE_API_BASE", apiBase));
    }

    /** A reader registered and confirmed through the site's forms, signed in. */
    private static Browsing reader(TestSite site, String email) {
        return MailBox.registered(site, "Stripe Reader", email, "a long enough password");
    }

    private static long userId(TestSite site, String email) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
            .bind("e", email).mapTo(Long.class).one());
    }

    private static int subscriptions(TestSite site, long userId) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subscriptions WHERE user_id = :u")
            .bind("u", userId).mapTo(Integer.class).one());
    }

    @Test
    void joining_sends_the_reader_to_a_stripe_checkout_for_the_plan_with_their_user_id() {
        String email = "join" + IDS.incrementAndGet() + "@example.org";
        Browsing reader = reader(site, email);
        long id = userId(site, email);
        HttpResponse<String> join = reader.post("/membership/join", Map.of("plan", "annual"));
        assertEquals(303, join.statusCode());
        String location = join.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://checkout.stripe.com/c/pay/cs_test_"), location);

        FakeStripe.Request created = stripe.requests().stream().filter(r -> r.path().equals("/v1/checkout/sessions"))
            .reduce((a, b) -> b).orElseThrow();
        Map<String, String> form = created.form();
        assertEquals("POST", created.method());
        assertEquals("Bearer sk_test_key", created.headers().get("Authorization").get(0));
        assertEquals("subscription", form.get("mode"));
        assertEquals("1", form.get("line_items[0][quantity]"));
        assertEquals("usd", form.get("line_items[0][price_data][currency]"));
        assertEquals("10000", form.get("line_items[0][price_data][unit_amount]"), "the plan's price, in cents");
        assertEquals("year", form.get("line_items[0][price_data][recurring][interval]"));
        assertEquals("1", form.get("line_items[0][price_data][recurring][interval_count]"));
        assertEquals("Annual membership", form.get("line_items[0][price_data][product_data][name]"));
        assertEquals(String.valueOf(id), form.get("client_reference_id"));
        assertEquals(String.valueOf(id), form.get("metadata[dispatch_user_id]"));
        assertEquals(String.valueOf(id), form.get("subscription_data[metadata][dispatch_user_id]"));
        assertEquals("annual", form.get("subscription_data[metadata][dispatch_plan]"));
        assertEquals(email, form.get("customer_email"));
        assertEquals(site.url("/account?joined"), form.get("success_url"));
        assertEquals(site.url("/membership"), form.get("cancel_url"));

        String session = location.substring(location.lastIndexOf('/') + 1);
        Subscription pending = site.database().dao(SubscriptionDao.class).byRef("stripe", session).orElseThrow();
        assertEquals(id, pending.userId());
        assertEquals("pending", pending.status());

        // Back from Stripe before its webhook has arrived: the account page says payment is being confirmed.
        assertTrue(reader.page("/account?joined").text().contains("Your payment is being confirmed"));
    }

    @Test
    void with_stripe_on_no_page_speaks_of_test_mode_and_the_test_checkout_is_gone() {
        String email = "mode" + IDS.incrementAndGet() + "@example.org";
        Browsing reader = reader(site, email);
        for (String path : new String[] {"/membership", "/account"}) {
            Document page = reader.page(path);
            assertTrue(page.select(".app-test-mode").isEmpty(), path);
            assertFalse(page.text().contains("no money moves"), path);
        }
        site.database().dao(SubscriptionDao.class).insertPending(userId(site, email), "annual", "test", "test_sub_1",
            Instant.now());
        assertEquals(404, reader.get("/membership/test-checkout/test_sub_1").statusCode());
        assertEquals(404, reader.post("/membership/test-checkout/test_sub_1", Map.of()).statusCode());
    }

    @Test
    void cancelling_asks_stripe_to_stop_at_the_end_of_the_period() {
        String email = "cancel" + IDS.incrementAndGet() + "@example.org";
        Browsing reader = reader(site, email);
        long id = userId(site, email);
        String reference = "sub_test_cancel_" + id;
        Membership membership = new Membership(site.database(), Clock.systemUTC(),
            new StripeGateway(new StripeConfig("sk_test_key", "whsec_test", stripe.url())));
        site.database().dao(SubscriptionDao.class).insertPending(id, "annual", "stripe", reference, Instant.now());
        membership.apply(new GatewayEvent("stripe", "evt_paid_" + id, "customer.subscription.updated", Instant.now(),
            reference, "active", Instant.now().plusSeconds(3600 * 24 * 30), false));

        Document account = reader.page("/account");
        assertEquals(1, account.select("form[action=/account/cancel] button").size(), "one button, as joining took");
        HttpResponse<String> cancel = reader.post("/account/cancel", Map.of());
        assertEquals("/account?cancelled", cancel.headers().firstValue("Location").orElseThrow());
        FakeStripe.Request asked = stripe.requests().stream().filter(r -> r.path().equals("/v1/subscriptions/" + reference))
            .reduce((a, b) -> b).orElseThrow();
        assertEquals("POST", asked.method());
        assertEquals(Map.of("cancel_at_period_end", "true"), asked.form());
    }

    @Test
    void when_stripe_cannot_be_reached_the_reader_is_told_and_nothing_is_stored() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (TestSite down = stripeSite("http://127.0.0.1:" + closed)) {
            String email = "down" + IDS.incrementAndGet() + "@example.org";
            Browsing reader = reader(down, email);
            long id = userId(down, email);
            HttpResponse<String> join = reader.post("/membership/join", Map.of("plan", "annual"));
            assertEquals("/membership?unavailable", join.headers().firstValue("Location").orElseThrow());
            Document page = reader.page("/membership?unavailable");
            assertEquals("There is a problem", page.selectFirst(".app-notice__heading").text());
            assertTrue(page.selectFirst(".app-notice__text").text().contains("nothing was charged"));
            assertEquals(0, subscriptions(down, id), "nothing stored");

            String reference = "sub_test_down_" + id;
            down.database().dao(SubscriptionDao.class).insertPending(id, "annual", "stripe", reference, Instant.now());
            new Membership(down.database(), Clock.systemUTC(), new TestGateway(Clock.systemUTC(), () -> null))
                .apply(new GatewayEvent("stripe", "evt_paid_" + id, "customer.subscription.updated", Instant.now(),
                    reference, "active", Instant.now().plusSeconds(3600 * 24 * 30), false));
            assertEquals("/account?cancel-failed",
                reader.post("/account/cancel", Map.of()).headers().firstValue("Location").orElseThrow());
            Document account = reader.page("/account?cancel-failed");
            assertEquals("There is a problem", account.selectFirst(".app-notice__heading").text());
            assertEquals(1, account.select("form[action=/account/cancel] button").size(), "still renewing: try again");
        }
    }
}
