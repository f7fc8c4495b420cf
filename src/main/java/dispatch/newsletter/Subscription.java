package dispatch.newsletter;

import java.time.Instant;

/** One address on one newsletter. {@code userId} is null when no account is linked. */
public record Subscription(long id, String newsletterCode, String email, Long userId, String status, String language,
                           Instant confirmSentAt) {
    public boolean confirmed() {
        return "confirmed".equals(status);
    }
}
