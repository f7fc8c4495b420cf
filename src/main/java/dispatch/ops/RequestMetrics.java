package dispatch.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every request by the route that served it (the servlet mapping, such as
 * {@code /articles/*}, never the full path, so the number of series stays small), the method
 * and the status. The latency histogram has a few fixed buckets around the 20 ms target.
 */
public final class RequestMetrics extends HttpFilter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private final MeterRegistry registry;
    // One timer per route, method and status, looked up without building a meter each time.
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String route = route(request);
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
            record(route, method, status, System.nanoTime() - start);
        }
    }

    /** Records one request; also for requests answered before the servlets (pages the page cache answers). */
    public void record(String route, String method, int status, long nanos) {
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, k -> timer(route, method, status))
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String route, String method, int status) {
        return Timer.builder("http.server.requests")
            .description("Requests served, by route, method and status")
            .tag("route", route)
            .tag("method", method)
            .tag("status", String.valueOf(status))
            .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1))
            .register(registry);
    }

    /** The route label for a request: its servlet mapping. */
    public static String route(HttpServletRequest request) {
        var mapping = request.getHttpServletMapping();
        if (mapping == null) {
            return "unknown";
        }
        String pattern = mapping.getPattern();
        return switch (pattern) {
            case "" -> "/";
            case "/" -> "default";  // static files and unknown paths
            default -> pattern;
        };
    }
}
