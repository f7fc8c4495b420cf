package dispatch.membership;

import java.time.Instant;

/**
 * A reader's membership as the payment gateway last reported it.
 *
 * @param status            pending (checkout not finished), active, past_due (a renewal failed;
 *                          the gateway is retrying), cancelled (will not renew), expired
 * @param currentPeriodEnd  what has been paid for runs until here
 */
public record Subscription(long id, long userId, String planCode, String gateway, String gatewayRef, String status,
                           Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant createdAt) {

    /**
     * Whether it gives access now. Entitlement follows from the state and the period's end:
     * active, past due (while the gateway retries) and cancelled memberships run to the end of
     * what was paid for; pending and expired ones give nothing.
     */
    public boolean entitles(Instant now) {
        return switch (status) {
            case "active", "past_due", "cancelled" -> currentPeriodEnd != null && currentPeriodEnd.isAfter(now);
            default -> false;
        };
    }

    /** Whether it will renew by itself at the period's end. */
    public boolean renews() {
        return (status.equals("active") || status.equals("past_due")) && !cancelAtPeriodEnd;
    }
}
