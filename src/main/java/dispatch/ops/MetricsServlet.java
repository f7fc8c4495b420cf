package dispatch.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;

/**
 * /metrics, for Prometheus. Metrics say how busy the site is and what it runs on, which is
 * not for everyone, so they are answered only (a) to a request carrying the bearer token set
 * in DISPATCH_METRICS_TOKEN, or, when no token is set, (b) to a direct connection from this
 * machine. A request relayed by a proxy on this machine carries Forwarded or X-Forwarded-For
 * and is not "from this machine", so putting nginx in front does not publish the metrics.
 * Anyone else gets the ordinary 404 page: the address is not advertised.
 */
public final class MetricsServlet extends HttpServlet {
    private final Metrics metrics;
    private final String token;

    /** @param token the bearer token that opens /metrics to other machines; null for loopback only */
    public MetricsServlet(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = token;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;version=0.0.4;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private boolean allowed(HttpServletRequest request) {
        if (token != null) {
            String header = request.getHeader("Authorization");
            return header != null && MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
        }
        boolean relayed = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
            || Collections.list(request.getHeaderNames()).stream().anyMatch(h -> h.equalsIgnoreCase("X-Real-IP"));
        return !relayed && loopback(request.getRemoteAddr());
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
