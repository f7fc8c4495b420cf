package dispatch.membership;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dispatch.account.User;
import java.util.Locale;

/**
 * Stripe Checkout: the reader pays on Stripe's hosted page and comes back to the site; what
 * happened then arrives by signed webhook ({@link StripeWebhook}).
 *
 * <p>The price is sent with each checkout ({@code price_data}) from the plan's own amount,
 * currency and period, rather than named by a Price created beforehand in Stripe's dashboard:
 * the {@code plans} table stays the one place a price is set, so the price a reader is shown is
 * always the price they are charged, and nothing has to be kept in step by hand.
 *
 * <p>The checkout carries our user id (as {@code client_reference_id} and in the metadata of the
 * session and of the subscription it creates). The pending subscription is stored under the
 * Checkout Session's id; when checkout completes, the webhook gives it the Stripe subscription's
 * id, which every later event names.
 */
public final class StripeGateway implements PaymentGateway {
    static final String USER_ID = "dispatch_user_id";
    static final String PLAN = "dispatch_plan";
    private final StripeClient client;

    public StripeGateway(StripeConfig config) {
        this.client = StripeClient.builder()
            .setApiKey(config.secretKey())
            .setApiBase(config.apiBase())
            // A reader waits on these calls (joining, cancelling) and Stripe waits on the webhook's
            // answer: fail within seconds and say so, rather than hang for Stripe's default 80 s.
            .setConnectTimeout(10_000)
            .setReadTimeout(20_000)
            .setMaxNetworkRetries(1)
            .build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public boolean testMode() {
        return false;
    }

    @Override
    public Checkout start(User reader, Plan plan, String siteUrl) {
        String userId = String.valueOf(reader.id());
        SessionCreateParams.LineItem.PriceData.Recurring recurring = plan.periodMonths() % 12 == 0
            ? recurring(SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR, plan.periodMonths() / 12)
            : recurring(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH, plan.periodMonths());
        SessionCreateParams params = SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .addLineItem(SessionCreateParams.LineItem.builder()
                .setQuantity(1L)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                    .setCurrency(plan.currency().toLowerCase(Locale.ROOT))
                    .setUnitAmount(plan.priceMinor())
                    .setRecurring(recurring)
                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                        .setName(plan.name())
                        .putMetadata(PLAN, plan.code())
                        .build())
                    .build())
                .build())
            .setClientReferenceId(userId)
            .setCustomerEmail(reader.email())
            .putMetadata(USER_ID, userId)
            .putMetadata(PLAN, plan.code())
            .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                .putMetadata(USER_ID, userId)
                .putMetadata(PLAN, plan.code())
                .build())
            // Back to the account page, which says whether payment is confirmed yet: the webhook
            // that confirms it may arrive a moment after the reader does.
            .setSuccessUrl(siteUrl + "/account?joined")
            .setCancelUrl(siteUrl + "/membership")
            .build();
        try {
            Session session = client.v1().checkout().sessions().create(params);
            return new Checkout(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new PaymentGatewayException("Stripe did not start a checkout: " + e.getMessage(), e);
        }
    }

    private static SessionCreateParams.LineItem.PriceData.Recurring recurring(
            SessionCreateParams.LineItem.PriceData.Recurring.Interval interval, long count) {
        return SessionCreateParams.LineItem.PriceData.Recurring.builder().setInterval(interval).setIntervalCount(count).build();
    }

    /** Stops renewal at the period's end; Stripe then reports the change by webhook. */
    @Override
    public void cancel(Subscription subscription) {
        try {
            client.v1().subscriptions().update(subscription.gatewayRef(),
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
        } catch (StripeException e) {
            throw new PaymentGatewayException("Stripe did not cancel " + subscription.gatewayRef() + ": " + e.getMessage(), e);
        }
    }

    /** The subscription as Stripe holds it now, for events that name it without carrying it. */
    com.stripe.model.Subscription subscription(String id) {
        try {
            return client.v1().subscriptions().retrieve(id);
        } catch (StripeException e) {
            throw new PaymentGatewayException("Stripe did not return subscription " + id + ": " + e.getMessage(), e);
        }
    }
}
