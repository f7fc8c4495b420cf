package dispatch.membership;

import java.time.Instant;

/**
 * What a payment gateway reported about one subscription: its state now, as of {@code createdAt}
 * (the gateway's own time for the event, which orders events that arrive out of order).
 *
 * @param id the gateway's id for the event: the same event delivered twice is applied once
 */
public record GatewayEvent(String gateway, String id, String type, Instant createdAt, String reference, String status,
                           Instant periodEnd, boolean cancelAtPeriodEnd) {}
