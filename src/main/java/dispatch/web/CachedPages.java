package dispatch.web;

import dispatch.ops.RequestMetrics;
import dispatch.preferences.PreferencesFilter;
import dispatch.preferences.ReadingPreferences;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpCookie;
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
 * The page cache's fast path: a GET for a page already kept is answered here, in front of the
 * servlet context, without a servlet request, filters or a servlet being involved; everything
 * else (and every miss) goes on to the servlets, where {@link PageCache} renders and keeps
 * pages. It answers exactly as the servlet path would: the same key (raw path, query and the
 * reader's preferences), the same security and caching headers, the same 304 rules, and the
 * request is counted in the metrics under the route that rendered the page. A request from
 * anyone signed in never takes it.
 */
final class CachedPages extends Handler.Wrapper {
    private final PageCache cache;
    private final RequestMetrics metrics;
    private final java.util.Set<String> trustedProxies;

    CachedPages(PageCache cache, RequestMetrics metrics, java.util.Set<String> trustedProxies, Handler next) {
        super(next);
        this.cache = cache;
        this.metrics = metrics;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        long start = System.nanoTime();
        String preferences = null;
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(PageCache.SESSION_COOKIE)) {
                return super.handle(request, response, callback);
            }
            if (cookie.getName().equals(PreferencesFilter.COOKIE) && preferences == null) {
                preferences = cookie.getValue();
            }
            if (cookie.getName().equals(PageCache.METER_COOKIE)
                    && request.getHttpURI().getPath().startsWith(PageCache.METERED_PATHS)) {
                return super.handle(request, response, callback);
            }
        }
        HttpURI uri = request.getHttpURI();
        if (uri.getPath().startsWith(PageCache.METERED_PATHS) && Requests.prefetch(
                request.getHeaders().get("Sec-Purpose"), request.getHeaders().get("Purpose"))) {
            return super.handle(request, response, callback);  // a prefetch reads nothing: see PageCache
        }
        // HTTPS as the servlets see it (TrustedProxies): the same key, and the HSTS header.
        boolean secure = ClientAddress.secure(request.isSecure(), Request.getRemoteAddr(request),
            ClientAddress.last(java.util.Collections.enumeration(request.getHeaders().getValuesList("X-Forwarded-Proto"))),
            trustedProxies);
        PageCache.Page page = cache.lookup(PageCache.key(uri.getPath(), uri.getQuery(),
            ReadingPreferences.parse(preferences).cacheKey(), secure));
        if (page == null) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.HEADERS.forEach(headers::put);
        if (secure) {
            headers.put("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        page.headers().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        if (!page.headers().containsKey("Cache-Control")) {
            headers.put(HttpHeader.CACHE_CONTROL, cache.policy(preferences != null));
            headers.add(HttpHeader.VARY, "Cookie");
        }
        headers.put(HttpHeader.ETAG, page.etag());
        headers.put(HttpHeader.LAST_MODIFIED, page.lastModifiedHeader());
        long since;
        try {
            since = request.getHeaders().getDateField(HttpHeader.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            since = -1;  // a date we cannot read: as if there were none
        }
        int status;
        if (PageCache.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), since, page)) {
            status = HttpStatus.NOT_MODIFIED_304;
            response.setStatus(status);
            response.write(true, null, callback);
        } else {
            status = HttpStatus.OK_200;
            response.setStatus(status);
            headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
            headers.put(HttpHeader.CONTENT_LENGTH, page.body().length);
            response.write(true, ByteBuffer.wrap(page.body()).asReadOnlyBuffer(), callback);
        }
        metrics.record(page.route(), "GET", status, System.nanoTime() - start);
        return true;
    }
}
