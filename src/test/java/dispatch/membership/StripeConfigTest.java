package dispatch.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stripe is on only with both keys; one without the other is a setting to fix, said in one line. */
class StripeConfigTest {

    @Test
    void without_stripe_keys_the_test_gateway_is_used() {
        assertNull(Config.fromEnvironment(Map.of()).stripe());
        assertNull(Config.fromEnvironment(Map.of("DISPATCH_STRIPE_SECRET_KEY", " ")).stripe(), "blank is unset");
    }

    @Test
    void both_keys_turn_stripe_on_against_stripes_own_api() {
        StripeConfig stripe = Config.fromEnvironment(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_1",
            "DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_1")).stripe();
        assertEquals("sk_test_1", stripe.secretKey());
        assertEquals("whsec_1", stripe.webhookSecret());
        assertEquals("https://api.stripe.com", stripe.apiBase());
        assertFalse(stripe.toString().contains("sk_test_1"), "the key stays out of logs");
    }

    @Test
    void one_key_without_the_other_is_refused_with_a_clear_reason() {
        IllegalArgumentException noSecret = assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_1")));
        assertEquals("DISPATCH_STRIPE_SECRET_KEY and DISPATCH_STRIPE_WEBHOOK_SECRET must be set together "
            + "(the webhook signing secret is missing)", noSecret.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_1")));
        assertTrue(noKey.getMessage().endsWith("(the secret key is missing)"), noKey.getMessage());
        IllegalArgumentException badBase = assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_STRIPE_SECRET_KEY", "sk_test_1",
                "DISPATCH_STRIPE_WEBHOOK_SECRET", "whsec_1", "DISPATCH_STRIPE_API_BASE", "api.stripe.com")));
        assertEquals("DISPATCH_STRIPE_API_BASE must be an http or https address, not \"api.stripe.com\"", badBase.getMessage());
    }
}
