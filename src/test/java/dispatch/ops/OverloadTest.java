package dispatch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded flood against a site allowed to handle one request at a time: the excess is
 * refused at once with 503 and Retry-After, nothing hangs, and the site serves normally as
 * soon as the flood is over.
 */
class OverloadTest {
    private static final int CLIENTS = 24;
    private static final int REQUESTS_EACH = 20;

    @Test
    void a_flood_gets_quick_503s_with_retry_after_and_the_site_recovers_by_itself() throws Exception {
        try (TestSite site = TestSite.withSettings(Map.of("DISPATCH_MAX_ACTIVE", "1", "DISPATCH_MAX_WAITING", "1",
                "DISPATCH_MAX_WAIT_MS", "50", "DISPATCH_PAGE_CACHE_SECONDS", "0"), server -> { })) {
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicLong slowestRefusal = new AtomicLong();
            AtomicLong refusalsWithoutRetryAfter = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = site.get("/search?q=oil+" + client + "x" + i);
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() == 503) {
                            slowestRefusal.accumulateAndGet(millis, Math::max);
                            if (!"5".equals(r.headers().firstValue("Retry-After").orElse(""))) {
                                refusalsWithoutRetryAfter.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertEquals(CLIENTS * REQUESTS_EACH, statuses.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
            assertTrue(statuses.getOrDefault(503, 0) > 0, "the flood was refused in part: " + statuses);
            assertTrue(statuses.getOrDefault(200, 0) > 0, "and served in part: " + statuses);
            assertEquals(0, refusalsWithoutRetryAfter.get(), "every refusal says when to come back");
            assertTrue(slowestRefusal.get() < 2000, "refusals are quick, not timeouts: " + slowestRefusal.get() + " ms");
            System.out.println("Overload: " + statuses + ", slowest refusal " + slowestRefusal.get() + " ms");

            // The flood is over: the next readers are served, with nothing reset.
            for (int i = 0; i < 5; i++) {
                assertEquals(200, site.get("/search?q=oil").statusCode());
            }
            assertEquals(200, site.get("/healthz").statusCode());
            assertTrue(site.get("/metrics").body().lines()
                .anyMatch(l -> l.matches("dispatch_overload_(rejected|expired)_total \\d+\\.\\d+") && !l.endsWith(" 0.0")),
                "refusals are counted in the metrics");
        }
    }
}
