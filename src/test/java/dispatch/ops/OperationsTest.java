package dispatch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class OperationsTest {
    private final TestSite site = TestSite.demo();

    @Test
    void healthz_says_the_process_is_alive_and_is_never_cached() {
        HttpResponse<String> r = site.get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("ok\n", r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void readyz_is_ready_when_the_database_answers_and_every_migration_is_applied() {
        HttpResponse<String> r = site.get("/readyz");
        assertEquals(200, r.statusCode());
        assertEquals("ready\n", r.body());
    }

    @Test
    void readyz_answers_503_while_a_migration_is_missing() {
        try (TestSite behind = TestSite.empty()) {
            assertEquals(200, behind.get("/readyz").statusCode());
            behind.database().jdbi().useHandle(h -> h.execute(
                "DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"));
            HttpResponse<String> r = behind.get("/readyz");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().startsWith("not ready"), r.body());
            assertEquals(200, behind.get("/healthz").statusCode(), "still alive: only not ready");
        }
    }

    @Test
    void metrics_are_in_prometheus_text_format_with_requests_by_route() {
        site.get("/about");
        HttpResponse<String> r = site.get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = r.body();
        assertTrue(text.contains("# TYPE http_server_requests_seconds histogram"), "latency histogram");
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/about\",status=\"200\"}"),
            "requests counted by route pattern");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM");
        assertTrue(text.contains("jetty_threads_busy"), "Jetty's threads");
        assertTrue(text.contains("dispatch_overload_rejected_total"), "overload refusals");
    }

    @Test
    void metrics_are_not_shown_to_requests_relayed_by_a_proxy() {
        assertEquals(404, site.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode());
        assertEquals(404, site.get("/metrics", "Forwarded", "for=203.0.113.9").statusCode());
    }

    @Test
    void with_a_token_set_metrics_need_the_token() {
        try (TestSite guarded = TestSite.withSettings(Map.of("DISPATCH_METRICS_TOKEN", "s3cret-token"), s -> { })) {
            assertEquals(404, guarded.get("/metrics").statusCode());
            assertEquals(404, guarded.get("/metrics", "Authorization", "Bearer wrong").statusCode());
            HttpResponse<String> r = guarded.get("/metrics", "Authorization", "Bearer s3cret-token",
                "X-Forwarded-For", "203.0.113.9");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("http_server_requests_seconds"));
        }
    }

    @Test
    void every_request_gets_one_json_access_log_line_without_query_or_cookies() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (TestSite logged = TestSite.withSettings(Map.of(), s -> s.setRequestLog(new AccessLog(lines::add)))) {
            logged.get("/search?q=someone%40example.org", "Cookie", "dispatch_prefs=size%3Dlarge");
            logged.get("/articles/no-such-article");
            long deadline = System.currentTimeMillis() + 2000;
            while (lines.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);  // the log line is written just after the response completes
            }
        }
        assertEquals(2, lines.size(), lines.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode search = json.readTree(lines.get(0));
        assertEquals("GET", search.get("method").asText());
        assertEquals("/search", search.get("path").asText());
        assertEquals(200, search.get("status").asInt());
        assertTrue(search.get("bytes").asLong() > 1000, lines.get(0));
        assertTrue(search.get("duration_ms").isNumber());
        assertTrue(search.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), lines.get(0));
        assertFalse(lines.get(0).contains("example.org") || lines.get(0).contains("large"), "nothing personal");
        assertEquals(404, json.readTree(lines.get(1)).get("status").asInt());
    }
}
