package dispatch.membership;

import dispatch.account.User;

/**
 * Where members pay. Two implementations: Stripe Checkout for real money, and the built-in test
 * gateway for local runs, which says on every page it touches that no money moves. Neither
 * decides who is a member: each reports what happened as {@link GatewayEvent}s, which
 * {@link Membership#apply} turns into the subscription's state.
 */
public interface PaymentGateway {
    /** "test" or "stripe": stored with each subscription. */
    String name();

    /** Whether this is the test gateway: pages that touch payment then say no money moves. */
    boolean testMode();

    /** A checkout the reader is sent to, with the gateway's reference for the subscription it will create. */
    record Checkout(String reference, String url) {}

    /** Starts paying for {@code plan}; {@code siteUrl} is the site's public address, for coming back. */
    Checkout start(User reader, Plan plan, String siteUrl);

    /** Asks for the membership to stop renewing at the end of the period paid for. */
    void cancel(Subscription subscription);
}
