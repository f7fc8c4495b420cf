package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.Stripe;
import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.account.User;
import dispatch.support.FakeStripe;
import dispatch.support.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stripe's webhooks, posted to a real server as Stripe posts them: JSON events signed with the
 * endpoint's secret in the documented Stripe-Signature header (t=TIME,v1=HMAC-SHA256 of
 * "TIME.BODY"). A bad signature is refused and changes nothing, a repeated event is harmless,
 * an older event after a newer one leaves the newer state. Stripe's API, which the site asks for
 * the subscription when checkout completes, is a stand-in on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class StripeWebhookTest {
    private static final String SECRET = "whsec_test_signing_secret";
    private static final String WEBHOOK = "/membership/stripe/webhook";
    private static final long PERIOD_END = Instant.now().plusSeconds(365L * 24 * 3600).getEpochSecond();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeStripe stripe;
    private TestSite site;
    private Membership membership;
    private User reader;
    private String session;
    private String subscription;

    @BeforeAll
    void start() {
        stripe = new FakeStripe();
        site = TestSite.demoWith(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_key", "DISPATCH_STRIPE_WEBHOOK_SECRET", SECRET,
            "DISPATCH_STRIPE_API_BASE", stripe.url()));
        membership = new Membership(site.database(), Clock.systemUTC(),
            new StripeGateway(new StripeConfig("sk_test_key", SECRET, stripe.url())));
    }

    @AfterAll
    void stop() {
        site.close();
        stripe.close();
    }

    /** A new reader with a checkout started, as joining leaves it: pending, under the session's id. */
    @BeforeEach
    void reader() {
        int n = IDS.incrementAndGet();
        reader = new ReaderAccounts(site.database(), new Accounts(site.database(), Clock.systemUTC(), d -> { }), Clock.systemUTC())
            .register("reader" + n + "@example.org", "Reader " + n, "a long enough password").orElseThrow();
        session = "cs_test_webhook_" + n;
        subscription = "sub_test_" + n;
        site.database().dao(SubscriptionDao.class).insertPending(reader.id(), "annual", "stripe", session, Instant.now());
    }

    // --- the events, as Stripe sends them

    private static String event(String id, String type, long created, String object) {
        return """
            {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
             "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
             "data": {"object": %s}}""".formatted(id, Stripe.API_VERSION, created, type, object);
    }

    private String checkoutCompleted(String id, long created) {
        return event(id, "checkout.session.completed", created, """
            {"id": "%s", "object": "checkout.session", "mode": "subscription", "status": "complete",
             "payment_status": "paid", "client_reference_id": "%d", "subscription": "%s", "customer": "cus_test_1",
             "metadata": {"dispatch_user_id": "%2$d", "dispatch_plan": "annual"}}"""
            .formatted(session, reader.id(), subscription));
    }

    private String subscriptionEvent(String id, String type, long created, String status, boolean cancelAtPeriodEnd) {
        return event(id, type, created, FakeStripe.subscriptionJson(subscription, status, cancelAtPeriodEnd, PERIOD_END));
    }

    private String paymentFailed(String id, long created) {
        return event(id, "invoice.payment_failed", created, """
            {"id": "in_test_%s", "object": "invoice", "status": "open", "customer": "cus_test_1", "attempt_count": 1,
             "parent": {"type": "subscription_details", "quote_details": null,
                        "subscription_details": {"subscription": "%s", "metadata": {}}}}""".formatted(id, subscription));
    }

    /** Stripe's signature header for this body: HMAC-SHA256 over "TIME.BODY" with the secret. */
    private static String signature(String body, String secret, long time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hash = mac.doFinal((time + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + time + ",v1=" + HexFormat.of().formatHex(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int post(String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(WEBHOOK)))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int deliver(String body) {
        return post(body, signature(body, SECRET, Instant.now().getEpochSecond()));
    }

    // --- what the site holds

    private Subscription held() {
        return membership.current(reader).orElseThrow();
    }

    private int eventsRecorded(String id) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_events WHERE event_id = :id")
            .bind("id", id).mapTo(Integer.class).one());
    }

    private String updatedAt() {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT updated_at FROM subscriptions WHERE id = :id")
            .bind("id", held().id()).mapTo(String.class).one());
    }

    /** Sets the subscription's updated_at to a time long past, as read back, and returns it. */
    private String markUpdatedAt() {
        site.database().jdbi().useHandle(h -> h.createUpdate("UPDATE subscriptions SET updated_at = :mark WHERE id = :id")
            .bind("mark", Instant.parse("2001-02-03T04:05:06Z")).bind("id", held().id()).execute());
        String marked = updatedAt();
        assertTrue(marked.startsWith("2001-02-03"), marked);
        return marked;
    }

    private void paid(long created) {
        stripe.subscription(subscription, "active", false, PERIOD_END);
        assertEquals(200, deliver(checkoutCompleted("evt_paid_" + subscription, created)));
    }

    @Test
    void a_bad_signature_is_refused_and_changes_nothing() {
        stripe.subscription(subscription, "active", false, PERIOD_END);
        String body = checkoutCompleted("evt_forged_" + subscription, Instant.now().getEpochSecond());
        long now = Instant.now().getEpochSecond();
        assertEquals(400, post(body, signature(body, "whsec_someone_else", now)), "signed with another secret");
        assertEquals(400, post(body, null), "not signed at all");
        assertEquals(400, post(body, signature(body.replace("\"paid\"", "\"unpaid\""), SECRET, now)), "signed for another body");
        assertEquals(400, post(body, signature(body, SECRET, now - 3600)), "an old signature, replayed");
        assertEquals(400, deliver("this is not an event"), "signed, but not JSON");

        assertEquals("pending", held().status());
        assertEquals(session, held().gatewayRef());
        assertFalse(membership.entitled(reader));
        assertEquals(0, eventsRecorded("evt_forged_" + subscription));
        assertTrue(stripe.requests().stream().noneMatch(r -> r.path().endsWith(subscription)), "Stripe was not even asked");
    }

    @Test
    void a_completed_checkout_makes_the_reader_a_member_under_the_stripe_subscription() {
        paid(Instant.now().getEpochSecond());
        Subscription s = held();
        assertTrue(membership.entitled(reader));
        assertEquals("active", s.status());
        assertEquals(subscription, s.gatewayRef(), "later events name the subscription, not the checkout");
        assertEquals(Instant.ofEpochSecond(PERIOD_END), s.currentPeriodEnd());
        assertTrue(s.renews());
        FakeStripe.Request asked = stripe.requests().stream().filter(r -> r.path().equals("/v1/subscriptions/" + subscription))
            .findFirst().orElseThrow();
        assertEquals("GET", asked.method());
        assertEquals("Bearer sk_test_key", asked.headers().get("Authorization").get(0));
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        long t = Instant.now().getEpochSecond();
        paid(t - 60);
        String cancelled = subscriptionEvent("evt_twice_" + subscription, "customer.subscription.updated", t - 30, "active", true);
        assertEquals(200, deliver(cancelled));
        // A mark no event would write: applying the event again would stamp the row with now.
        String marked = markUpdatedAt();
        assertEquals(200, deliver(cancelled), "a repeat is acknowledged, so that Stripe stops sending it");
        assertEquals(marked, updatedAt(), "and changes nothing");
        assertEquals(1, eventsRecorded("evt_twice_" + subscription));
        assertEquals("cancelled", held().status());
    }

    @Test
    void an_older_event_after_a_newer_one_leaves_the_newer_state() {
        long t = Instant.now().getEpochSecond();
        paid(t - 60);
        assertEquals(200, deliver(subscriptionEvent("evt_new_" + subscription, "customer.subscription.updated", t - 10,
            "active", true)));
        assertEquals(200, deliver(subscriptionEvent("evt_old_" + subscription, "customer.subscription.updated", t - 20,
            "past_due", false)));
        Subscription s = held();
        assertEquals("cancelled", s.status(), "the newer state stays");
        assertFalse(s.renews());
        assertTrue(membership.entitled(reader), "a cancelled membership runs to the end of what was paid for");
    }

    @Test
    void a_deleted_subscription_ends_the_membership() {
        long t = Instant.now().getEpochSecond();
        paid(t - 60);
        assertEquals(200, deliver(subscriptionEvent("evt_deleted_" + subscription, "customer.subscription.deleted", t,
            "canceled", false)));
        assertEquals("expired", held().status());
        assertFalse(membership.entitled(reader));
    }

    @Test
    void a_failed_renewal_makes_the_membership_past_due_while_stripe_retries() {
        long t = Instant.now().getEpochSecond();
        paid(t - 60);
        assertEquals(200, deliver(paymentFailed("evt_failed_" + subscription, t)));
        assertEquals("past_due", held().status());
        assertTrue(membership.entitled(reader), "still a member to the end of the period while Stripe retries");
    }

    @Test
    void an_event_that_cannot_be_completed_now_is_not_recorded_so_that_stripe_retries_it() {
        String body = checkoutCompleted("evt_retry_" + subscription, Instant.now().getEpochSecond());
        assertEquals(503, deliver(body), "Stripe has no such subscription yet: ask to be sent it again");
        assertEquals(0, eventsRecorded("evt_retry_" + subscription));
        assertEquals("pending", held().status());

        stripe.subscription(subscription, "active", false, PERIOD_END);
        assertEquals(200, deliver(body));
        assertTrue(membership.entitled(reader));
    }

    @Test
    void events_of_no_interest_are_acknowledged_and_ignored() {
        assertEquals(200, deliver(event("evt_other_" + subscription, "customer.created", Instant.now().getEpochSecond(),
            "{\"id\": \"cus_test_1\", \"object\": \"customer\"}")));
        assertEquals("pending", held().status());
    }
}
