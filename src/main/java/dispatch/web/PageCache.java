package dispatch.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dispatch.ops.RequestMetrics;
import dispatch.preferences.PreferencesFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * HTTP caching for the public pages and feeds, and an in-process cache of them, so that a
 * flood of readers on one story costs one render.
 *
 * <p><b>What is kept.</b> A GET answered 200 without setting a cookie, or setting only one that
 * every reader asking this way gets ({@link #SHARED_COOKIE}: a new reader's meter cookie), keyed
 * by everything the page depends on: the path, the query string, the reader's preferences as
 * the PreferencesFilter resolved them ({@code ReadingPreferences.cacheKey()}), and HTTPS or not.
 * An article asked for with the meter's cookie depends on that reader's count, and is neither
 * served from the cache nor kept. Requests from
 * anyone signed in (staff, or a reader whose pages name them) are never served from or stored in the cache. While one thread renders a
 * page, others asking for the same key wait for that render instead of repeating it.
 *
 * <p><b>How long.</b> Until the publication changes ({@link ContentChanges}: everything is
 * dropped, which is simplest and cheap, since writes are rare and a front page changes with
 * almost any of them) or {@code ttl} passes, whichever is first. The time limit is what makes
 * a scheduled article appear, and the news sitemap move on, without anyone saving anything. A
 * page carrying a new reader's meter cookie is kept no later than the end of the meter's month,
 * since that cookie counts the read in the month it names.
 *
 * <p><b>What browsers and CDNs are told.</b> Every page carries a strong ETag (a hash of its
 * bytes) and Last-Modified (when it was rendered), and a conditional request that matches is
 * answered 304. Anonymous readers' pages are {@code public} for {@code ttl} with
 * stale-while-revalidate, so a CDN can absorb a flood too; a reader with a preferences cookie
 * gets {@code private, no-cache} (their browser revalidates with the ETag); anyone signed in gets
 * {@code private, no-store}. Pages carry {@code Vary: Cookie}, since they depend on the
 * preferences cookie; feeds and sitemaps, which depend on no cookie, keep their own policy.
 */
public final class PageCache extends HttpFilter {
    static final String SESSION_COOKIE = dispatch.account.ReaderFilter.SESSION_COOKIE;
    /**
     * Set on a request whose response sets a cookie that is the same for every reader who
     * asks this way (a new reader's meter cookie): such a page may still be kept, cookie and all,
     * until the {@link Instant} the attribute holds (when the cookie stops being what a new
     * reader gets: the meter's month ends), or the usual time limit if that comes first.
     */
    public static final String SHARED_COOKIE = PageCache.class.getName() + ".sharedCookie";
    /**
     * Set on a request whose response depends on who the reader is, beyond what the key holds
     * (search results for a member, who may search members-only text): never kept, so that it
     * cannot be sent to anyone else. Signed-in readers' requests never reach the cache anyway;
     * this holds even if that changes.
     */
    public static final String PER_READER = PageCache.class.getName() + ".perReader";
    /** Where the meter's cookie decides what is shown: there a request carrying it is answered afresh. */
    static final String METERED_PATHS = "/articles/";
    static final String METER_COOKIE = dispatch.membership.Meter.COOKIE;
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, Page> pages;
    private final Duration ttl;
    private final Clock clock;
    private final String publicPolicy;

    /** One rendered page, as sent. */
    record Page(String contentType, Map<String, List<String>> headers, byte[] body, String etag,
                long lastModified, String lastModifiedHeader, String route, Duration lifetime) {}

    /** @param ttl how long a page is kept and may be cached by others; zero turns the page cache off */
    public PageCache(Duration ttl, Clock clock, ContentChanges changes, MeterRegistry registry) {
        this.ttl = ttl;
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
            .maximumWeight(ttl.isZero() ? 0 : MAX_BYTES)
            .weigher((String key, Page page) -> key.length() + page.body().length)
            .expireAfter(Expiry.creating((String key, Page page) -> page.lifetime()))
            .recordStats()
            .build();
        long seconds = Math.max(ttl.toSeconds(), 0);
        this.publicPolicy = "public, max-age=" + seconds + ", s-maxage=" + seconds
            + ", stale-while-revalidate=300, stale-if-error=86400";
        changes.subscribe(pages::invalidateAll);
        CaffeineCacheMetrics.monitor(registry, pages, "pages");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean get = "GET".equals(request.getMethod());
        boolean head = "HEAD".equals(request.getMethod());
        if (!get && !head) {
            chain.doFilter(request, response);
            return;
        }
        if (Cookies.get(request, SESSION_COOKIE).isPresent()) {
            // Signed in: staff may see pages as they are being changed, and a reader's pages name
            // them and follow their membership. Never cached, here or anywhere.
            response.setHeader("Cache-Control", "private, no-store");
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(METERED_PATHS)
                && (Cookies.get(request, METER_COOKIE).isPresent() || Requests.prefetch(request))) {
            // A returning reader: what they may read follows their own count (the servlet says
            // private). A prefetch must not be given a new reader's kept page and meter cookie:
            // nobody has read anything yet (the servlet decides what it gets).
            chain.doFilter(request, response);
            return;
        }
        boolean personal = Cookies.get(request, dispatch.preferences.PreferencesFilter.COOKIE).isPresent();
        String key = key(request);
        Page page = head ? pages.getIfPresent(key) : null;
        CapturedResponse[] rendered = new CapturedResponse[1];
        if (get) {
            try {
                page = pages.get(key, k -> {
                    CapturedResponse captured = render(request, response, chain);
                    rendered[0] = captured;
                    return keepable(captured, request) ? page(captured, request) : null;
                });
            } catch (Rendering e) {
                if (e.getCause() instanceof ServletException se) {
                    throw se;
                }
                throw (IOException) e.getCause();
            }
        }
        if (page == null && rendered[0] == null) {
            // A HEAD for a page not in the cache: the servlet answers it as ever.
            response.setHeader("Cache-Control", personal ? "private, no-cache" : publicPolicy);
            chain.doFilter(request, response);
            return;
        }
        if (page == null) {
            sendUnkept(rendered[0], response, personal);
            return;
        }
        // Cookies of a page this request rendered are on the response already. A HEAD gets none:
        // the kept cookie is a new reader's meter cookie, and a HEAD has read nothing.
        send(page, request, response, personal, head, rendered[0] == null && !head);
    }

    private static final class Rendering extends RuntimeException {
        Rendering(Exception cause) {
            super(cause);
        }
    }

    private static CapturedResponse render(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        CapturedResponse captured = new CapturedResponse(response);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException e) {
            throw new Rendering(e);
        }
        return captured;
    }

    private static boolean keepable(CapturedResponse r, HttpServletRequest request) {
        return !r.passedOn() && r.getStatus() == HttpServletResponse.SC_OK && request.getAttribute(PER_READER) == null
            && (!r.setsCookie() || request.getAttribute(SHARED_COOKIE) != null);
    }

    private Page page(CapturedResponse r, HttpServletRequest request) {
        byte[] body = r.body();
        long now = clock.millis();
        // Rounded up to the next whole second (HTTP dates have no fractions), so a client that
        // saw this page's date never gets a 304 for a page rendered after it.
        long lastModified = (now / 1000 + 1) * 1000;
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        if (!r.cookies().isEmpty()) {
            headers.put("Set-Cookie", List.copyOf(r.cookies()));
        }
        Duration lifetime = ttl.isZero() ? Duration.ofSeconds(1) : ttl;
        if (request.getAttribute(SHARED_COOKIE) instanceof Instant until) {
            lifetime = Duration.ofMillis(Math.max(0, Math.min(lifetime.toMillis(), until.toEpochMilli() - now)));
        }
        return new Page(r.contentType(), java.util.Collections.unmodifiableMap(headers), body, etag(body), lastModified,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(lastModified).atOffset(ZoneOffset.UTC)),
            RequestMetrics.route(request), lifetime);
    }

    private void send(Page page, HttpServletRequest request, HttpServletResponse response, boolean personal,
                      boolean head, boolean withCookies) throws IOException {
        page.headers().forEach((name, values) -> {
            if (withCookies || !name.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        cachingHeaders(response, page.headers(), personal);
        response.setHeader("ETag", page.etag());
        response.setHeader("Last-Modified", page.lastModifiedHeader());
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        if (!head) {
            response.getOutputStream().write(page.body());
        }
    }

    /** A response the cache does not keep (a 404, a page setting a cookie): sent as rendered. */
    private void sendUnkept(CapturedResponse r, HttpServletResponse response, boolean personal) throws IOException {
        if (r.passedOn()) {
            return;  // an error page or a redirect, already on its way
        }
        r.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (r.setsCookie()) {
            response.setHeader("Cache-Control", "private, no-store");
        } else {
            cachingHeaders(response, r.headers(), personal);
        }
        response.setStatus(r.getStatus());
        if (r.contentType() != null) {
            response.setContentType(r.contentType());
        }
        byte[] body = r.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The servlet's own Cache-Control stands (feeds, sitemaps); pages get the policy above. */
    private void cachingHeaders(HttpServletResponse response, Map<String, List<String>> own, boolean personal) {
        if (own.containsKey("Cache-Control")) {
            return;
        }
        response.setHeader("Cache-Control", policy(personal));
        response.addHeader("Vary", "Cookie");
    }

    String policy(boolean personal) {
        return personal ? "private, no-cache" : publicPolicy;
    }

    /** A kept page, if there is one for this key; the fast path (CachedPages) asks first. */
    Page lookup(String key) {
        return pages.getIfPresent(key);
    }

    private static boolean notModified(HttpServletRequest request, Page page) {
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            since = -1;  // a date we cannot read: as if there were none
        }
        return notModified(request.getHeader("If-None-Match"), since, page);
    }

    /** RFC 9110's rules: If-None-Match when present, otherwise If-Modified-Since (-1 for none). */
    static boolean notModified(String match, long since, Page page) {
        if (match != null) {
            // Compared weakly, as RFC 9110 asks for If-None-Match; "--gzip" is how Jetty's
            // compression marks the ETag of the compressed form of the same page.
            for (String tag : match.split(",")) {
                String t = tag.strip().replaceFirst("^W/", "").replace("--gzip\"", "\"");
                if (t.equals("*") || t.equals(page.etag())) {
                    return true;
                }
            }
            return false;
        }
        return since >= 0 && page.lastModified() <= since;
    }

    private static String key(HttpServletRequest request) {
        return key(request.getRequestURI(), request.getQueryString(), PreferencesFilter.current().cacheKey(),
            request.isSecure());
    }

    /**
     * The raw (still encoded) path and query, the preferences' key, and whether the request came
     * over HTTPS (a kept cookie says Secure or not).
     */
    static String key(String path, String query, String preferences, boolean secure) {
        return path + (query == null ? "" : "?" + query) + "\n" + preferences + (secure ? "\ns" : "");
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
