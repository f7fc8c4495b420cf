package dispatch.membership;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Stripe's webhook events into {@link GatewayEvent}s for {@link Membership#apply}. Each
 * event is believed only with a valid signature made with the endpoint's signing secret. Its id
 * is Stripe's event id (a redelivered event is applied once) and its time Stripe's {@code created}
 * (an event older than the last one applied is ignored), so retries and out-of-order deliveries
 * leave the newest state.
 *
 * <p>Events handled: {@code checkout.session.completed} (the reader paid: the subscription is
 * read from Stripe, since the session carries only its id), {@code customer.subscription.updated}
 * and {@code customer.subscription.deleted} (they carry the subscription), and
 * {@code invoice.payment_failed} (a renewal failed: past due while Stripe retries). Others are
 * acknowledged and ignored.
 */
public final class StripeWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhook.class);

    /** What to answer Stripe: only a failure on our side is worth Stripe's retrying. */
    public enum Answer {
        /** 400: not signed with our secret, or not an event. */
        REFUSED,
        /** 200: applied, already applied, superseded, or of no interest. */
        DONE,
        /** 503: Stripe could not be asked for the subscription; nothing was recorded, so a retry can succeed. */
        RETRY
    }

    private final String signingSecret;
    private final StripeGateway gateway;
    private final Membership membership;

    public StripeWebhook(String signingSecret, StripeGateway gateway, Membership membership) {
        this.signingSecret = signingSecret;
        this.gateway = gateway;
        this.membership = membership;
    }

    public Answer receive(String payload, String signatureHeader) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, Objects.requireNonNullElse(signatureHeader, ""), signingSecret);
        } catch (SignatureVerificationException e) {
            LOG.warn("Refused a Stripe webhook: {}", e.getMessage());
            return Answer.REFUSED;
        } catch (RuntimeException e) {  // signed, but not JSON or not an event
            LOG.warn("Refused a Stripe webhook that is not an event: {}", e.getMessage());
            return Answer.REFUSED;
        }
        if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
            return Answer.REFUSED;
        }
        try {
            return switch (event.getType()) {
                case "checkout.session.completed" -> checkoutCompleted(event);
                case "customer.subscription.updated", "customer.subscription.deleted" -> subscriptionChanged(event);
                case "invoice.payment_failed" -> paymentFailed(event);
                default -> Answer.DONE;
            };
        } catch (PaymentGatewayException e) {
            LOG.warn("Stripe event {} not applied yet, Stripe will send it again: {}", event.getId(), e.getMessage());
            return Answer.RETRY;
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            LOG.warn("Refused Stripe event {} ({}): {}", event.getId(), event.getType(), e.getMessage());
            return Answer.REFUSED;
        }
    }

    private Answer checkoutCompleted(Event event) throws EventDataObjectDeserializationException {
        Session session = object(event, Session.class);
        if (!"subscription".equals(session.getMode()) || session.getSubscription() == null) {
            return Answer.DONE;
        }
        com.stripe.model.Subscription subscription = gateway.subscription(session.getSubscription());
        // Found by the Checkout Session's id, under which joining stored it; from now on it is
        // known by the subscription's id, which the later events name.
        membership.apply(gatewayEvent(event, session.getId(), status(subscription), subscription), subscription.getId());
        return Answer.DONE;
    }

    private Answer subscriptionChanged(Event event) throws EventDataObjectDeserializationException {
        com.stripe.model.Subscription subscription = object(event, com.stripe.model.Subscription.class);
        // One that arrives before its checkout's completion names a subscription we do not know by
        // that id yet: it is recorded and passed over, which loses nothing, because the completed
        // checkout reads the subscription from Stripe as it is by then.
        membership.apply(gatewayEvent(event, subscription.getId(), status(subscription), subscription));
        return Answer.DONE;
    }

    private Answer paymentFailed(Event event) throws EventDataObjectDeserializationException {
        Invoice invoice = object(event, Invoice.class);
        String id = invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null ? null
            : invoice.getParent().getSubscriptionDetails().getSubscription();
        if (id == null) {
            return Answer.DONE;  // not a subscription's invoice
        }
        // The invoice does not say when the period ends or whether the membership renews: ask.
        com.stripe.model.Subscription subscription = gateway.subscription(id);
        String status = status(subscription);
        membership.apply(gatewayEvent(event, id, status.equals("active") ? "past_due" : status, subscription));
        return Answer.DONE;
    }

    private static GatewayEvent gatewayEvent(Event event, String reference, String status,
                                             com.stripe.model.Subscription subscription) {
        return new GatewayEvent("stripe", event.getId(), event.getType(), Instant.ofEpochSecond(event.getCreated()),
            reference, status, periodEnd(subscription), !renews(subscription));
    }

    /**
     * Stripe's subscription status in our terms. A subscription that will stop at the period's
     * end is "cancelled" (it still runs to that end); one that has ended, or that Stripe has
     * stopped collecting for, is "expired"; "incomplete" means the first payment is not made yet.
     */
    static String status(com.stripe.model.Subscription subscription) {
        return switch (Objects.requireNonNullElse(subscription.getStatus(), "")) {
            case "active", "trialing" -> renews(subscription) ? "active" : "cancelled";
            case "past_due" -> "past_due";
            case "incomplete" -> "pending";
            default -> "expired";  // canceled, unpaid, incomplete_expired, paused
        };
    }

    /** Stripe stops a subscription at the period's end with cancel_at_period_end, or at a set time with cancel_at. */
    private static boolean renews(com.stripe.model.Subscription subscription) {
        return !Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()) && subscription.getCancelAt() == null;
    }

    /**
     * The end of the period paid for. Since API version 2025-03-31 Stripe keeps it on each of the
     * subscription's items, not on the subscription; ours have one item, and the latest end counts.
     */
    static Instant periodEnd(com.stripe.model.Subscription subscription) {
        if (subscription.getItems() == null || subscription.getItems().getData() == null) {
            return null;
        }
        return subscription.getItems().getData().stream().map(SubscriptionItem::getCurrentPeriodEnd)
            .filter(Objects::nonNull).max(Long::compare).map(Instant::ofEpochSecond).orElse(null);
    }

    /**
     * The event's object. An event made for another API version than the one stripe-java is built
     * for (set the endpoint's version to match, see the README) is read as well as it can be.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) throws EventDataObjectDeserializationException {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object = data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + " in " + event.getType());
        }
        return type.cast(object);
    }
}
