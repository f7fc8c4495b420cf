package dispatch.membership;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * POST /membership/stripe/webhook: Stripe's events. No CSRF token here: the request comes from
 * Stripe, not from a form of ours, and is authenticated by its Stripe-Signature header instead.
 * The body is read raw, as Stripe signed it; parsing it first would break the signature.
 */
public final class StripeWebhookServlet extends HttpServlet {
    /** Stripe's events are a few kilobytes; anything far larger is not one of them. */
    private static final int MAX_BYTES = 512 * 1024;
    private final StripeWebhook webhook;

    public StripeWebhookServlet(StripeWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        response.setContentType("text/plain;charset=utf-8");
        if (body.length > MAX_BYTES) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.getWriter().println("Too large for a Stripe event.");
            return;
        }
        StripeWebhook.Answer answer = webhook.receive(new String(body, StandardCharsets.UTF_8),
            request.getHeader("Stripe-Signature"));
        switch (answer) {
            case REFUSED -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.getWriter().println("Not a Stripe event signed with this endpoint's secret.");
            }
            case RETRY -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.getWriter().println("Not applied yet; please send it again.");
            }
            case DONE -> response.getWriter().println("Received.");
        }
    }
}
