package dispatch.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Keeps a flood from drowning the site, with Jetty's own QoSHandler: at most {@code maxActive}
 * requests are handled at once; the next {@code maxWaiting} wait (without holding a thread) for
 * up to {@code maxWait}; anything beyond, or waiting longer, gets an immediate 503 with
 * Retry-After instead of hanging until the reader's browser gives up. When the flood passes,
 * nothing needs resetting. Health checks and metrics are never held back, so a load balancer
 * and the operator can still see what is happening.
 */
public final class Overload extends QoSHandler {
    static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] BUSY = "The site is very busy just now. Please try again in a few seconds.\n"
        .getBytes(StandardCharsets.UTF_8);

    public Overload(int maxActive, int maxWaiting, Duration maxWait, MeterRegistry registry) {
        setMaxRequestCount(maxActive);
        setMaxSuspendedRequestCount(maxWaiting);
        setMaxSuspend(maxWait);
        excludePath("/healthz", "/readyz", "/metrics");
        FunctionCounter.builder("dispatch.overload.rejected", this, QoSHandler::getTotalExceededRequestCount)
            .description("Requests refused with 503 because too many were waiting").register(registry);
        FunctionCounter.builder("dispatch.overload.expired", this, QoSHandler::getTotalExpiredRequestCount)
            .description("Requests refused with 503 after waiting too long").register(registry);
        Gauge.builder("dispatch.overload.waiting", this, QoSHandler::getSuspendedRequestCount)
            .description("Requests waiting for their turn").register(registry);
    }

    /**
     * A short plain-text answer, cheap to send when the server is busiest; Retry-After tells
     * browsers, crawlers and CDNs when to come back, and nothing may cache the refusal.
     */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(response, callback, status);
    }

    /** A request that waited for its turn too long is refused the same way. */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        if (status == getRejectStatusCode() && !response.isCommitted()) {
            busy(response, callback, status);
        } else {
            super.failSuspended(request, response, callback, status, failure);
        }
    }

    private static void busy(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(BUSY), callback);
    }
}
