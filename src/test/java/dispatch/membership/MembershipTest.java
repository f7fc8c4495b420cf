package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.account.User;
import dispatch.support.TestSite;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions follow what the gateway reports: the same event twice changes nothing, an event
 * older than the last one applied is ignored, and entitlement follows the state and the period's end.
 */
@Tag("postgresql")
class MembershipTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private TestSite site;
    private Membership membership;
    private User reader;
    private Plan annual;

    @BeforeEach
    void start() {
        site = TestSite.empty();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Membership[] built = new Membership[1];
        membership = built[0] = new Membership(site.database(), clock, new TestGateway(clock, () -> built[0]));
        reader = new ReaderAccounts(site.database(), new Accounts(site.database(), clock, d -> { }), clock)
            .register("member@example.org", "A Member", "a long password").orElseThrow();
        annual = membership.plan("annual").orElseThrow();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private GatewayEvent event(String id, Instant at, String status, Instant end, String ref) {
        return new GatewayEvent("test", id, "customer.subscription.updated", at, ref, status, end, false);
    }

    @Test
    void the_annual_plan_at_100_dollars_a_year_is_the_default() {
        assertEquals("annual", membership.plans().get(0).code());
        assertEquals("$100", annual.price());
        assertEquals(1, membership.plans().size(), "the monthly plan is off until a publisher turns it on");
    }

    @Test
    void a_repeated_event_changes_nothing_and_an_older_one_is_ignored() {
        String ref = membership.join(reader, annual, "http://site").reference();
        assertFalse(membership.entitled(reader), "pending until paid");
        Instant end = NOW.plus(365, ChronoUnit.DAYS);
        assertTrue(membership.apply(event("evt_1", NOW.minusSeconds(60), "active", end, ref)));
        assertTrue(membership.entitled(reader));
        assertFalse(membership.apply(event("evt_1", NOW.minusSeconds(60), "active", end, ref)), "delivered twice");

        // Cancelled later; then a stale "active" event, created before it, arrives late.
        assertTrue(membership.apply(event("evt_3", NOW.minusSeconds(10), "cancelled", end, ref)));
        assertFalse(membership.apply(event("evt_2", NOW.minusSeconds(30), "active", end, ref)), "older than the last applied");
        Subscription s = membership.current(reader).orElseThrow();
        assertEquals("cancelled", s.status());
        assertTrue(membership.entitled(reader), "cancelled memberships run to the end of what was paid for");
        assertFalse(s.renews());
    }

    @Test
    void entitlement_follows_the_state_and_the_end_of_the_period() {
        String ref = membership.join(reader, annual, "http://site").reference();
        membership.apply(event("e1", NOW.minusSeconds(5), "past_due", NOW.plusSeconds(3600), ref));
        assertTrue(membership.entitled(reader), "past due: still a member while the gateway retries");
        membership.apply(event("e2", NOW.minusSeconds(4), "active", NOW.minusSeconds(1), ref));
        assertFalse(membership.entitled(reader), "a period that has ended gives nothing");
        membership.apply(event("e3", NOW.minusSeconds(3), "expired", NOW.plusSeconds(3600), ref));
        assertFalse(membership.entitled(reader), "expired gives nothing");
    }

    @Test
    void paying_at_the_test_checkout_then_cancelling_in_one_step() {
        String ref = membership.join(reader, annual, "http://site").reference();
        TestGateway gateway = (TestGateway) membership.gateway();
        assertTrue(gateway.pay(membership.byReference(ref).orElseThrow(), annual));
        Subscription active = membership.current(reader).orElseThrow();
        assertEquals("active", active.status());
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(1).toInstant(), active.currentPeriodEnd());
        assertTrue(membership.cancel(reader));
        assertFalse(membership.current(reader).orElseThrow().renews());
        assertTrue(membership.entitled(reader));
        assertFalse(membership.cancel(reader), "nothing left to cancel");
    }
}
