package dispatch.membership;

import dispatch.account.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The built-in gateway for local runs and tests, used when no Stripe key is set. Its checkout is
 * a page of this site ({@code /membership/test-checkout/REF}) that says plainly that it is test
 * mode and no money moves; paying there or cancelling reports events exactly as Stripe's
 * webhooks would, through {@link Membership#apply}.
 */
public final class TestGateway implements PaymentGateway {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final Supplier<Membership> membership;

    /** @param membership the membership the gateway reports to (built after the gateway, hence a supplier) */
    public TestGateway(Clock clock, Supplier<Membership> membership) {
        this.clock = clock;
        this.membership = membership;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public boolean testMode() {
        return true;
    }

    @Override
    public Checkout start(User reader, Plan plan, String siteUrl) {
        String reference = "test_sub_" + random();
        return new Checkout(reference, "/membership/test-checkout/" + reference);
    }

    /** The reader pressed "Pay" on the test checkout: the first period is paid for. */
    public boolean pay(Subscription subscription, Plan plan) {
        Instant now = clock.instant();
        Instant end = now.atZone(ZoneOffset.UTC).plusMonths(plan.periodMonths()).toInstant();
        return membership.get().apply(new GatewayEvent(name(), "test_evt_" + random(), "checkout.completed", now,
            subscription.gatewayRef(), "active", end, false));
    }

    @Override
    public void cancel(Subscription subscription) {
        membership.get().apply(new GatewayEvent(name(), "test_evt_" + random(), "subscription.cancelled",
            clock.instant(), subscription.gatewayRef(), "cancelled", subscription.currentPeriodEnd(), true));
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
