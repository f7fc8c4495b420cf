package dispatch.membership;

import java.net.URI;
import java.util.Map;

/**
 * Stripe Checkout's settings: DISPATCH_STRIPE_SECRET_KEY (the API key, sk_live_... or
 * sk_test_...), DISPATCH_STRIPE_WEBHOOK_SECRET (the webhook endpoint's signing secret, whsec_...)
 * and DISPATCH_STRIPE_API_BASE (Stripe's API, https://api.stripe.com; another address serves a
 * local stand-in such as Stripe's stripe-mock, or a proxy). Without a key the test gateway is used.
 */
public record StripeConfig(String secretKey, String webhookSecret, String apiBase) {
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";

    /**
     * The settings, or null when neither key is set. One key without the other is an operator
     * error: payments could start but never be confirmed, or be confirmed but never start.
     */
    public static StripeConfig fromEnvironment(Map<String, String> env) {
        String key = blankToNull(env.get("DISPATCH_STRIPE_SECRET_KEY"));
        String secret = blankToNull(env.get("DISPATCH_STRIPE_WEBHOOK_SECRET"));
        if (key == null && secret == null) {
            return null;
        }
        if (key == null || secret == null) {
            throw new IllegalArgumentException("DISPATCH_STRIPE_SECRET_KEY and DISPATCH_STRIPE_WEBHOOK_SECRET must be set "
                + "together (" + (key == null ? "the secret key" : "the webhook signing secret") + " is missing)");
        }
        String base = env.getOrDefault("DISPATCH_STRIPE_API_BASE", DEFAULT_API_BASE).strip();
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("DISPATCH_STRIPE_API_BASE must be an http or https address, not \"" + base + "\"");
        }
        return new StripeConfig(key, secret, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Keeps the keys out of logs and stack traces. */
    @Override
    public String toString() {
        return "StripeConfig[apiBase=" + apiBase + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
