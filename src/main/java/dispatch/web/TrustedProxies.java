package dispatch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Behind a TLS-terminating proxy or load balancer: for a request relayed by one of the trusted
 * proxies, every servlet and filter sees the client's address and scheme (so cookies are marked
 * Secure and the HSTS header is sent under HTTPS); from anyone else the X-Forwarded-* headers
 * change nothing. See {@link ClientAddress}.
 */
final class TrustedProxies extends HttpFilter {
    private final Set<String> trusted;

    TrustedProxies(Set<String> trusted) {
        this.trusted = trusted;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (trusted.isEmpty() || !trusted.contains(ClientAddress.canonical(request.getRemoteAddr()))) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientAddress.of(request, trusted);
        boolean secure = ClientAddress.secure(request, trusted);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getScheme() {
                return secure ? "https" : super.getScheme();
            }
        }, response);
    }
}
