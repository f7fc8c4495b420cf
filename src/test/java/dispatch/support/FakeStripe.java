package dispatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small stand-in for Stripe's API on 127.0.0.1, answering with the JSON shapes Stripe documents
 * (Checkout Sessions, subscriptions) and keeping every request it received, so that tests can
 * check what stripe-java sent. The tests cannot reach Stripe itself.
 */
public final class FakeStripe implements AutoCloseable {
    /** One request as received: its method, path, form fields (decoded, in order) and headers. */
    public record Request(String method, String path, Map<String, String> form, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();

    public FakeStripe() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Serves this subscription at GET /v1/subscriptions/ID. */
    public void subscription(String id, String status, boolean cancelAtPeriodEnd, long periodEnd) {
        subscriptions.put(id, subscriptionJson(id, status, cancelAtPeriodEnd, periodEnd));
    }

    /** A subscription as Stripe's API version 2026-07-29 shapes it: the period's end on its items. */
    public static String subscriptionJson(String id, String status, boolean cancelAtPeriodEnd, long periodEnd) {
        return """
            {"id": "%s", "object": "subscription", "status": "%s", "cancel_at_period_end": %s, "cancel_at": null,
             "customer": "cus_test_1", "livemode": false, "metadata": {"dispatch_user_id": "1"},
             "items": {"object": "list", "has_more": false, "url": "/v1/subscription_items?subscription=%1$s",
               "data": [{"id": "si_test_1", "object": "subscription_item", "subscription": "%1$s",
                         "current_period_start": %d, "current_period_end": %d, "quantity": 1}]}}"""
            .formatted(id, status, cancelAtPeriodEnd, periodEnd - 365L * 24 * 3600, periodEnd);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, form(body), Map.copyOf(exchange.getRequestHeaders())));
        String answer;
        int status = 200;
        if (path.equals("/v1/checkout/sessions") && exchange.getRequestMethod().equals("POST")) {
            answer = """
                {"id": "cs_test_%1$d", "object": "checkout.session", "mode": "subscription", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_%1$d", "livemode": false}"""
                .formatted(requests.size());
        } else if (path.startsWith("/v1/subscriptions/") && exchange.getRequestMethod().equals("POST")) {
            String id = path.substring("/v1/subscriptions/".length());
            answer = subscriptionJson(id, "active", true, 2_000_000_000L);
        } else if (path.startsWith("/v1/subscriptions/") && subscriptions.containsKey(path.substring(18))) {
            answer = subscriptions.get(path.substring(18));
        } else {
            status = 404;
            answer = """
                {"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "No such object"}}""";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_test_" + requests.size());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
