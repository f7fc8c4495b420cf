package dispatch.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dispatch.changes.ContentChanges;
import dispatch.ops.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The page cache: every public page and feed rendered once and answered from memory, with the
 * HTTP validators and caching headers browsers and CDNs need. It is the one place that keeps
 * pages and the one place that answers conditional requests ({@code ETag}, {@code
 * Last-Modified}, {@code 304}).
 *
 * <p><b>Where it sits.</b> In front of the servlet context, as a Jetty handler: a page already
 * kept is answered without a servlet request, a filter or a servlet being involved. Everything
 * else goes on to the servlets; when the page that comes back may be kept, it is held back until
 * it is complete, kept, and then sent the way a kept page is sent, so that the first reader and
 * the thousandth get the same headers and bytes.
 *
 * <p><b>What a page says.</b> Nothing is kept unless the page asks: a route whose pages are the
 * same for everyone asking the same way says so with {@link #keep} (the {@link Keep} filter, on
 * the routes that want it), and a page that also depends on who reads it names what it depends
 * on with {@link #vary}, one {@link Variation} registered by name (for an article: the
 * reader's access decision, from the meter). Then the standard headers decide: a page is kept
 * when it is a {@code 200} to a GET, its {@code Cache-Control} does not say {@code no-store}
 * (nor {@code private}, unless it named a variation), and it sets no cookie but the one its
 * variation gives each reader. A page that sets no {@code Cache-Control} of its own gets the
 * public policy below and {@code Vary: Cookie}.
 *
 * <p><b>The key.</b> The raw path and query; whether the request came over HTTPS; each
 * variation that applies to every page (registered by the reading preferences, and by the
 * accounts: whether a reader is signed in, and a member; staff are never answered from here nor
 * kept); and the page's own variation, remembered from the last time the page was rendered. The cache knows no
 * cookie names and no paths: variations read what they need from the request.
 *
 * <p><b>Rendering once.</b> A page being rendered is in the cache as an unfinished future; other
 * requests for the same key wait for it (up to {@link #RENDER_WAIT}) instead of rendering it
 * again. The servlets run outside any cache computation: the future is finished when the
 * response is complete.
 *
 * <p><b>How long.</b> Until the publication changes ({@link ContentChanges}: everything is
 * dropped, on every node) or the time limit passes, whichever is first. The time limit is what
 * makes a scheduled article appear, and the news sitemap move on, without anyone saving anything.
 *
 * <p><b>What browsers and CDNs are told.</b> Every kept page carries a strong ETag (a hash of its
 * bytes) and Last-Modified (when it was rendered). The public policy lets browsers and CDNs keep
 * a page for the time limit with stale-while-revalidate; when a variation says the answer is the
 * reader's own (preferences, the meter), the page goes as {@code private, no-cache} instead, and
 * the reader's browser revalidates it with the ETag.
 */
public final class PageCache extends Handler.Wrapper {
    /** How long a request waits for another one rendering the same page before rendering it itself. */
    static final Duration RENDER_WAIT = Duration.ofSeconds(10);
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String DECLARED = PageCache.class.getName() + ".declared";
    /** Headers of the moment or of the connection, never kept with a page. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "date", "content-length", "etag",
        "last-modified", "transfer-encoding", "connection", "keep-alive");

    /**
     * Something a page depends on besides its address, asked of each request. It answers with
     * the request's {@link Part} of the key.
     */
    @FunctionalInterface
    public interface Variation {
        /** @param subject what the page named (an article's id), or null for a variation of every page */
        Part of(Asked request, String subject);
    }

    /**
     * A request's part of a page's key.
     *
     * @param key the part; null when this request must be answered afresh and nothing it gets kept
     * @param personal whether the answer is this reader's own: browsers may keep it, CDNs may not
     * @param headers sent to this reader alone: with a kept page, or before rendering when afresh
     */
    public record Part(String key, boolean personal, List<HttpField> headers) {
        public static final Part NONE = new Part("", false, List.of());

        public static Part afresh(HttpField... headers) {
            return new Part(null, false, List.of(headers));
        }
    }

    /** A request as a variation sees it. */
    public static final class Asked {
        private final Request request;
        private final boolean secure;

        Asked(Request request, boolean secure) {
            this.request = request;
            this.secure = secure;
        }

        public String method() {
            return request.getMethod();
        }

        public String header(String name) {
            return request.getHeaders().get(name);
        }

        /** The first cookie of that name, or null. */
        public String cookie(String name) {
            for (HttpCookie cookie : Request.getCookies(request)) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
            return null;
        }

        /**
         * Keeps something a variation found out (who is signed in) for the variations after it and
         * for the servlets, which see it as a request attribute of that name.
         */
        public void remember(String name, Object value) {
            request.setAttribute(name, value);
        }

        /** What an earlier variation remembered under that name, or null. */
        public Object recall(String name) {
            return request.getAttribute(name);
        }

        /** Whether the request came over HTTPS, as {@link ClientAddress} decides it (trusted proxies). */
        public boolean secure() {
            return secure;
        }
    }

    /** What a page said about itself while it was rendered (see {@link #keep}, {@link #vary}). */
    private static final class Declared {
        volatile boolean keep;
        volatile String variation;
        volatile String subject;
        volatile String route = "unknown";
    }

    /** One rendered page, as sent. */
    record Page(List<HttpField> headers, byte[] body, String etag, long lastModified, String lastModifiedHeader,
                String route) {}

    private final boolean enabled;
    private final AsyncCache<String, Page> pages;
    /** For each address and every-page key: the variation its page named when last rendered. */
    private final Cache<String, Declared> varies;
    private final Duration ttl;
    private final Clock clock;
    private final String publicPolicy;
    private final RequestMetrics metrics;
    private final Predicate<Request> secure;
    private final List<Variation> everyPage = new ArrayList<>();
    private final Map<String, Variation> named = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param ttl how long a page is kept and may be kept by others; zero keeps nothing (pages
     *            still get their validators and policy)
     * @param secure whether a request came over HTTPS (part of the key: a kept page's headers say)
     */
    public PageCache(Duration ttl, Clock clock, ContentChanges changes, MeterRegistry registry, RequestMetrics metrics,
                     Predicate<Request> secure, Handler next) {
        super(next);
        this.enabled = !ttl.isZero();
        this.ttl = ttl;
        this.clock = clock;
        this.metrics = metrics;
        this.secure = secure;
        Duration lifetime = enabled ? ttl : Duration.ofSeconds(1);
        this.pages = Caffeine.newBuilder()
            .maximumWeight(enabled ? MAX_BYTES : 0)
            .weigher((String key, Page page) -> key.length() + page.body().length)
            .expireAfter(Expiry.creating((String key, Page page) -> lifetime))
            .recordStats()
            .buildAsync();
        this.varies = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lifetime).build();
        long seconds = Math.max(ttl.toSeconds(), 0);
        this.publicPolicy = "public, max-age=" + seconds + ", s-maxage=" + seconds
            + ", stale-while-revalidate=300, stale-if-error=86400";
        changes.subscribe(() -> {
            pages.synchronous().invalidateAll();
            varies.invalidateAll();
        });
        CaffeineCacheMetrics.monitor(registry, pages, "pages");
    }

    /** A variation every page depends on (the reader's preferences; whether anyone is signed in). */
    public PageCache everyPage(Variation variation) {
        everyPage.add(variation);
        return this;
    }

    /** A variation pages may name with {@link #vary}. */
    public PageCache variation(String name, Variation variation) {
        named.put(name, variation);
        return this;
    }

    /** Says that the page being rendered for this request may be kept, as its headers allow. */
    public static void keep(HttpServletRequest request) {
        if (request.getAttribute(DECLARED) instanceof Declared declared) {
            declared.keep = true;
            declared.route = RequestMetrics.route(request);
        }
    }

    /**
     * Says that the page being rendered for this request depends on the named variation, about
     * the given subject, and may be kept for each of its parts.
     */
    public static void vary(HttpServletRequest request, String variation, String subject) {
        if (request.getAttribute(DECLARED) instanceof Declared declared) {
            declared.variation = variation;
            declared.subject = subject;
            declared.route = RequestMetrics.route(request);
        }
    }

    /** The filter on the routes whose pages may be kept: it says so for each of them. */
    public static final class Keep extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            keep(request);
            chain.doFilter(request, response);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean get = HttpMethod.GET.is(request.getMethod());
        if (!get && !HttpMethod.HEAD.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        long start = System.nanoTime();
        Asked asked = new Asked(request, secure.test(request));
        HttpURI uri = request.getHttpURI();
        StringBuilder key = new StringBuilder(uri.getPath());
        if (uri.getQuery() != null) {
            key.append('?').append(uri.getQuery());
        }
        key.append(asked.secure() ? "\ns" : "\n-");
        boolean personal = false;
        for (Variation variation : everyPage) {
            Part part = variation.of(asked, null);
            if (part.key() == null) {
                return afresh(part, request, response, callback);
            }
            key.append('\n').append(part.key());
            personal |= part.personal();
        }
        String base = key.toString();
        Declared known = enabled ? varies.getIfPresent(base) : null;
        List<HttpField> own = List.of();
        if (known != null) {
            Part part = named.get(known.variation).of(asked, known.subject);
            if (part.key() == null) {
                return afresh(part, request, response, callback);
            }
            key.append('\n').append(part.key());
            personal |= part.personal();
            own = part.headers();
        }
        String full = key.toString();
        Page page = enabled ? waitFor(pages.getIfPresent(full)) : null;
        if (page == null && get && enabled) {
            CompletableFuture<Page> mine = new CompletableFuture<>();
            CompletableFuture<Page> other = pages.asMap().putIfAbsent(full, mine);
            if (other == null) {
                return render(request, response, callback, asked, base, full, mine, personal);
            }
            page = waitFor(other);
        }
        if (page == null) {
            // A HEAD for a page not kept, or a render that came to nothing: the servlets answer.
            return get ? render(request, response, callback, asked, base, full, null, personal)
                : super.handle(request, response, callback);
        }
        int status = send(page, request, response, callback, personal, own, !get);
        metrics.record(page.route(), request.getMethod(), status, System.nanoTime() - start);
        return true;
    }

    /** The page in a kept or unfinished future, waiting for an unfinished one: null if none comes. */
    private static Page waitFor(CompletableFuture<Page> future) {
        if (future == null) {
            return null;
        }
        try {
            return future.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;  // the render failed or is slow: this request renders its own
        }
    }

    /** A request a variation says must be answered afresh: its headers, then the servlets. */
    private boolean afresh(Part part, Request request, Response response, Callback callback) throws Exception {
        part.headers().forEach(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }

    /**
     * Renders the page through the servlets, holding it back if it may be kept; then keeps it
     * (finishing {@code mine}, if given) and sends it.
     */
    private boolean render(Request request, Response response, Callback callback, Asked asked, String base,
                           String full, CompletableFuture<Page> mine, boolean personal) throws Exception {
        Declared declared = new Declared();
        request.setAttribute(DECLARED, declared);
        Capture capture = new Capture(request, response, declared);
        Callback done = Callback.from(() -> {
            try {
                finish(capture, declared, request, response, callback, asked, base, full, mine, personal);
            } catch (Throwable e) {
                finishNothing(mine);
                callback.failed(e);
            }
        }, failure -> {
            finishNothing(mine);
            callback.failed(failure);
        });
        try {
            if (super.handle(request, capture, done)) {
                return true;
            }
        } catch (Throwable e) {
            finishNothing(mine);
            throw e;
        }
        finishNothing(mine);
        return false;
    }

    private static void finishNothing(CompletableFuture<Page> mine) {
        if (mine != null) {
            mine.complete(null);  // an unfinished future finished with nothing leaves the cache
        }
    }

    private void finish(Capture capture, Declared declared, Request request, Response response, Callback callback,
                        Asked asked, String base, String full, CompletableFuture<Page> mine, boolean personal) {
        if (!capture.holding) {
            finishNothing(mine);  // sent as it was written: not a page to keep
            callback.succeeded();
            return;
        }
        HttpFields.Mutable headers = response.getHeaders();
        if (!headers.contains(HttpHeader.CACHE_CONTROL)) {
            headers.put(HttpHeader.CACHE_CONTROL, publicPolicy);
            headers.add(HttpHeader.VARY, "Cookie");
        }
        String where = declared.variation == null ? base : keyOf(base, declared, asked);
        Page page = where != null && keepable(headers, declared, asked) ? page(headers, capture.body(), declared.route)
            : null;
        if (page == null) {
            finishNothing(mine);
            byte[] body = capture.body();
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return;
        }
        if (enabled) {
            if (declared.variation != null) {
                varies.put(base, declared);
            } else {
                varies.invalidate(base);
            }
            if (where.equals(full) && mine != null) {
                mine.complete(page);
            } else {
                pages.put(where, CompletableFuture.completedFuture(page));
                finishNothing(mine);  // those waiting look again, under the key the page named
            }
        }
        send(page, request, response, callback, personal, List.of(), false);  // the servlet set this reader's own headers
    }

    private String keyOf(String base, Declared declared, Asked asked) {
        Variation variation = named.get(declared.variation);
        if (variation == null) {
            throw new IllegalStateException("no variation named " + declared.variation);
        }
        Part part = variation.of(asked, declared.subject);
        return part.key() == null ? null : base + '\n' + part.key();
    }

    /**
     * What the standard headers allow: no {@code no-store}; {@code private} only for a page that
     * named its variation; no cookie but the one the variation gives this reader.
     */
    private boolean keepable(HttpFields headers, Declared declared, Asked asked) {
        String policy = String.join(",", headers.getValuesList(HttpHeader.CACHE_CONTROL)).toLowerCase(java.util.Locale.ROOT);
        if (policy.contains("no-store") || (policy.contains("private") && declared.variation == null)) {
            return false;
        }
        List<String> cookies = headers.getValuesList(HttpHeader.SET_COOKIE);
        if (cookies.isEmpty()) {
            return true;
        }
        if (declared.variation == null) {
            return false;
        }
        Set<String> allowed = new java.util.HashSet<>();
        named.get(declared.variation).of(asked, declared.subject).headers().stream()
            .filter(h -> h.getHeader() == HttpHeader.SET_COOKIE).forEach(h -> allowed.add(cookieName(h.getValue())));
        return cookies.stream().allMatch(c -> allowed.contains(cookieName(c)));
    }

    private static String cookieName(String setCookie) {
        int equals = setCookie.indexOf('=');
        return equals < 0 ? setCookie : setCookie.substring(0, equals).strip();
    }

    private Page page(HttpFields headers, byte[] body, String route) {
        long now = clock.millis();
        // Rounded up to the next whole second (HTTP dates have no fractions), so a client that
        // saw this page's date never gets a 304 for a page rendered after it.
        long lastModified = (now / 1000 + 1) * 1000;
        List<HttpField> kept = new ArrayList<>();
        for (HttpField field : headers) {
            if (!NOT_KEPT.contains(field.getLowerCaseName())) {
                kept.add(field);
            }
        }
        return new Page(List.copyOf(kept), body, etag(body), lastModified,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(lastModified).atOffset(ZoneOffset.UTC)),
            route);
    }

    /** Sends a kept page, or 304 when the request's validators match it; returns the status. */
    private int send(Page page, Request request, Response response, Callback callback, boolean personal,
                     List<HttpField> own, boolean head) {
        HttpFields.Mutable headers = response.getHeaders();
        // The page's headers replace any of the same name set on the way here (Vary by compression, say).
        page.headers().forEach(field -> headers.remove(field.getName()));
        page.headers().forEach(headers::add);
        if (personal && headers.get(HttpHeader.CACHE_CONTROL) != null
                && headers.get(HttpHeader.CACHE_CONTROL).startsWith("public")) {
            headers.put(HttpHeader.CACHE_CONTROL, "private, no-cache");
        }
        own.forEach(headers::add);
        headers.put(HttpHeader.ETAG, page.etag());
        headers.put(HttpHeader.LAST_MODIFIED, page.lastModifiedHeader());
        long since;
        try {
            since = request.getHeaders().getDateField(HttpHeader.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            since = -1;  // a date we cannot read: as if there were none
        }
        if (notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), since, page)) {
            headers.remove(HttpHeader.CONTENT_TYPE);
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return HttpStatus.NOT_MODIFIED_304;
        }
        response.setStatus(HttpStatus.OK_200);
        headers.put(HttpHeader.CONTENT_LENGTH, page.body().length);
        response.write(true, head ? null : ByteBuffer.wrap(page.body()).asReadOnlyBuffer(), callback);
        return HttpStatus.OK_200;
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

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The response the servlets write to. At the first write the status and headers are final:
     * a 200 for a page that said it may be kept is held back in memory, to be kept and sent whole
     * ({@link #finish}); anything else goes out as it is written.
     */
    private static final class Capture extends Response.Wrapper {
        private final Declared declared;
        private final boolean get;
        private boolean decided;
        boolean holding;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Capture(Request request, Response response, Declared declared) {
            super(request, response);
            this.declared = declared;
            this.get = HttpMethod.GET.is(request.getMethod());
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!decided) {
                decided = true;
                int status = getStatus();  // 0 until a servlet sets one: then it goes out as 200
                holding = get && (status == 0 || status == HttpStatus.OK_200) && (declared.keep || declared.variation != null);
            }
            if (!holding) {
                super.write(last, content, callback);
                return;
            }
            if (content != null && content.hasRemaining()) {
                // Consumed, as a write that went out would be: a writer with more to send than one
                // buffer holds gives the rest once it sees this part taken.
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                body.write(bytes, 0, bytes.length);
            }
            callback.succeeded();
        }

        byte[] body() {
            return body.toByteArray();
        }
    }
}
