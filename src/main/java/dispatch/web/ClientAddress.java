package dispatch.web;

import dispatch.Config;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The address of the client that sent a request, for limits kept per client. It is the address
 * of the connection itself: Forwarded and X-Forwarded-For headers are written by the client and
 * would let anyone claim a fresh address for every request. Only when the connection comes from
 * one of the configured trusted proxies is X-Forwarded-For read, from the right (the entry the
 * nearest proxy added), skipping further trusted proxies.
 */
public final class ClientAddress {

    public static String of(HttpServletRequest request, Config config) {
        String peer = peer(request);
        List<String> trusted = config.trustedProxies();
        if (!trusted.contains(peer)) {
            return peer;
        }
        String client = peer;
        var forwarded = request.getHeaders("X-Forwarded-For");
        List<String> hops = new java.util.ArrayList<>();
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String hop : forwarded.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client;
    }

    /**
     * The connection's remote address. Jetty's request may already carry an address taken from
     * forwarding headers, so it is read from the connection's end point instead.
     */
    private static String peer(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        SocketAddress socket = jetty == null || jetty.getConnectionMetaData().getConnection() == null ? null
            : jetty.getConnectionMetaData().getConnection().getEndPoint().getRemoteSocketAddress();
        if (socket instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return request.getRemoteAddr();
    }

    private ClientAddress() {}
}
