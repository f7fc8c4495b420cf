package dispatch.limit;

import dispatch.Config;
import dispatch.web.Site;
import dispatch.web.Templates;
import dispatch.web.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * Rate limits as the public forms use them: count a use for the client or the address the form
 * is about, and, over the limit, answer 429 with a page that says when to try again. Forms call
 * it after their fields pass validation and before any costly or lasting work, so a refused
 * form stores nothing and sends nothing, and a reader's typing mistakes do not use up the limit.
 */
public final class FormLimits {
    private final RateLimits limits;
    private final Config config;
    private final Site site;
    private final Templates templates;
    private final Clock clock;

    public FormLimits(RateLimits limits, Config config, Site site, Templates templates, Clock clock) {
        this.limits = limits;
        this.config = config;
        this.site = site;
        this.templates = templates;
        this.clock = clock;
    }

    /** The client the request comes from, as limits count it (see {@link RateLimits#client}). */
    public String client(HttpServletRequest request) {
        return RateLimits.client(request, config);
    }

    /** Counts one use against the client's own bucket of {@code limit}; see {@link #refuses(HttpServletRequest, HttpServletResponse, RateLimits.Limit, String)}. */
    public boolean refusesClient(HttpServletRequest request, HttpServletResponse response, RateLimits.Limit limit)
            throws IOException {
        return refuses(request, response, limit, client(request));
    }

    /**
     * Counts one use of {@code limit} for {@code key}; when that goes over the limit, answers 429
     * and returns true, and the caller stops there.
     */
    public boolean refuses(HttpServletRequest request, HttpServletResponse response, RateLimits.Limit limit, String key)
            throws IOException {
        RateLimits.Use use = limits.take(limit, key);
        if (!use.over()) {
            return false;
        }
        TooManyRequests.send(response, site, templates, request.getRequestURI(), use.windowEnds(), clock.instant());
        return true;
    }
}
