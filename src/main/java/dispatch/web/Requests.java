package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading what a request asks for. */
public final class Requests {
    private static final Pattern SLUG = Pattern.compile("/([a-z0-9]+(?:-[a-z0-9]+)*)");

    /** The slug in a path such as /articles/SLUG; empty for anything else, which is a 404. */
    public static Optional<String> slug(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return Optional.empty();
        }
        var matcher = SLUG.matcher(info);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** True for the bare collection path: /topics or /topics/. */
    public static boolean isIndex(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/");
    }

    /**
     * Whether a request is a browser fetching a page ahead of a possible visit (speculation
     * rules, {@code <link rel="prefetch">}): Sec-Purpose says "prefetch" (or "prefetch;prerender"),
     * or the older Purpose header does. Nobody has read the page yet.
     */
    public static boolean prefetch(String secPurpose, String purpose) {
        return startsWithPrefetch(secPurpose) || startsWithPrefetch(purpose);
    }

    public static boolean prefetch(HttpServletRequest request) {
        return prefetch(request.getHeader("Sec-Purpose"), request.getHeader("Purpose"));
    }

    /** Whether a page is really being read: a GET that is not a prefetch (a HEAD reads nothing). */
    public static boolean read(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && !prefetch(request);
    }

    private static boolean startsWithPrefetch(String value) {
        return value != null && value.strip().toLowerCase(java.util.Locale.ROOT).startsWith("prefetch");
    }

    private Requests() {}
}
