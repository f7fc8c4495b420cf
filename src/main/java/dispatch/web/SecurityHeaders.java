package dispatch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers sent with every response. The Content Security Policy allows nothing inline and
 * nothing from elsewhere: pages carry no script, styles come from our one stylesheet, and
 * images from our own media folder. Under HTTPS, Strict-Transport-Security too.
 */
final class SecurityHeaders extends HttpFilter {
    static final String CSP = String.join("; ",
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'");

    /**
     * Sent only on responses to requests that came over HTTPS (directly, or through a trusted
     * proxy): browsers then use nothing but HTTPS here for a year, subdomains included. Over plain
     * HTTP browsers ignore it, and a site reached over HTTP on purpose (a laptop) must not be
     * locked out of it.
     */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Every one of them, in order; pages answered from the page cache's fast path send these too. */
    static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        return Collections.unmodifiableMap(h);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HEADERS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
