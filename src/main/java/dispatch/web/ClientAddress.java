package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who sent a request and whether it came over HTTPS. The X-Forwarded-* headers say so only when
 * the connection comes from one of the trusted proxies (DISPATCH_TRUSTED_PROXIES): from anyone
 * else they are whatever the client chose to write, and are ignored.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");

    /**
     * The client's address: the connection's, or, from a trusted proxy, the last address in
     * X-Forwarded-For that is not itself a trusted proxy (proxies append what they saw, so the
     * entries to its left are the client's own words).
     */
    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        String peer = canonical(request.getRemoteAddr());
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String client = peer;
        var values = request.getHeaders("X-Forwarded-For");
        String all = values == null ? "" : String.join(",", java.util.Collections.list(values));
        String[] hops = all.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].strip());
            if (hop.isEmpty()) {
                continue;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client;
    }

    /**
     * True when the request came over HTTPS: straight to this server, or to a trusted proxy that
     * says so in X-Forwarded-Proto.
     */
    public static boolean secure(HttpServletRequest request, Set<String> trustedProxies) {
        return secure(request.isSecure(), request.getRemoteAddr(), last(request.getHeaders("X-Forwarded-Proto")),
            trustedProxies);
    }

    /** The same rule for a request in front of the servlets (the page cache). */
    public static boolean secure(org.eclipse.jetty.server.Request request, Set<String> trustedProxies) {
        return secure(request.isSecure(), org.eclipse.jetty.server.Request.getRemoteAddr(request),
            last(java.util.Collections.enumeration(request.getHeaders().getValuesList("X-Forwarded-Proto"))),
            trustedProxies);
    }

    static boolean secure(boolean tls, String peer, String forwardedProto, Set<String> trustedProxies) {
        if (tls) {
            return true;
        }
        return forwardedProto != null && trustedProxies.contains(canonical(peer))
            && forwardedProto.strip().toLowerCase(Locale.ROOT).equals("https");
    }

    /** The last value when a header is sent several times or as a list: the one the nearest proxy set. */
    static String last(Enumeration<String> values) {
        String last = null;
        while (values != null && values.hasMoreElements()) {
            String[] parts = values.nextElement().split(",");
            last = parts.length == 0 ? last : parts[parts.length - 1];
        }
        return last;
    }

    /**
     * An address in one spelling ("::1", "[::1]" and "0:0:0:0:0:0:0:1" alike); anything that is
     * not an IP address comes back as given. Never a DNS look-up: only literals are parsed.
     */
    public static String canonical(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (IPV4.matcher(a).matches()) {
            String[] octets = a.split("\\.");
            StringBuilder out = new StringBuilder();
            for (String octet : octets) {
                int n = Integer.parseInt(octet);
                if (n > 255) {
                    return a;
                }
                out.append(out.length() == 0 ? "" : ".").append(n);
            }
            return out.toString();
        }
        if (a.contains(":") && IPV6.matcher(a).matches()) {
            try {
                // With a colon in it, Java parses the text as an IPv6 literal and never asks DNS.
                return InetAddress.getByName(a).getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                return a;
            }
        }
        return a;
    }

    /** True for an IPv4 or IPv6 address written as numbers (never a name). */
    public static boolean isAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (IPV4.matcher(a).matches()) {
            return java.util.Arrays.stream(a.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        if (a.contains(":") && IPV6.matcher(a).matches()) {
            try {
                InetAddress.getByName(a);
                return true;
            } catch (UnknownHostException | SecurityException e) {
                return false;
            }
        }
        return false;
    }

    private ClientAddress() {}
}
