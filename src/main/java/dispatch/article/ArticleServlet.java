package dispatch.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dispatch.membership.Access;
import dispatch.newsletter.NewsletterDao;
import dispatch.membership.Membership;
import dispatch.membership.Meter;
import dispatch.membership.Paywall;
import dispatch.membership.Plan;
import dispatch.web.Layout;
import dispatch.web.PageCache;
import dispatch.web.Layout.Crumb;
import dispatch.web.Requests;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * /articles/SLUG: one published article, as much of it as the reader may read (see
 * {@link Access} and {@link Paywall}): the rest of a gated article is never sent.
 *
 * <p>What an article page holds depends on the reader (the meter, membership), but there are
 * only a few versions of each page (free with N articles left, or gated and why, for readers
 * with and without an account), so the page names the meter to the page cache ({@link
 * PageCache#vary}), which keeps one page per decision and gives each reader without an account
 * their own meter cookie with it.
 */
public final class ArticleServlet extends HttpServlet {
    private static final int RELATED = 3;
    private final Routes.Services s;
    private final Articles articles;
    private final Meter meter;
    private final Membership membership;
    private final int freeSignedIn;
    private final Cache<String, Article> live;

    public ArticleServlet(Routes.Services services, Articles articles, Meter meter, Membership membership,
                          int freeSignedIn) {
        this.s = services;
        this.articles = articles;
        this.meter = meter;
        this.membership = membership;
        this.freeSignedIn = freeSignedIn;
        Duration ttl = services.config().pageCacheTtl();
        this.live = Caffeine.newBuilder().maximumSize(ttl.isZero() ? 0 : 2_000)
            .expireAfterWrite(ttl.isZero() ? Duration.ofSeconds(1) : ttl).build();
        services.changes().subscribe(live::invalidateAll);
    }

    /**
     * A published article, kept once found until the publication changes: a flood on one story
     * reads it from the database once. An article not yet public is looked up every time, so it
     * appears the moment its scheduled time comes.
     */
    private Optional<Article> published(String slug) {
        Article kept = live.getIfPresent(slug);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Article> found = articles.published(slug);
        found.ifPresent(article -> live.put(slug, article));
        return found;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Article> found = Requests.slug(request).flatMap(this::published);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Article article = found.get();
        // Only a page really read counts against the meter: a HEAD or a browser's prefetch only
        // looks, without counting, and sets no cookie.
        boolean reading = Requests.read(request);
        PageCache.vary(request, Meter.VARIATION, Meter.subject(article.id(), article.membersOnly()));
        Access.Decision decision = reading
            ? meter.open(request, response, article.id(), article.membersOnly())
            : meter.peek(request, article.id(), article.membersOnly());
        if (!reading && decision.reason() == Access.Reason.FREE && Requests.prefetch(request)) {
            // A prefetched article within the meter would be read without being counted (the
            // header is easy to send) or counted without being read: the prefetch is declined,
            // as browsers expect (any status but 2xx), and the visit itself, if it comes, counts.
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentLength(0);
            return;
        }
        // What is sent depends on who asks: never stored by shared caches.
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentType("text/html;charset=utf-8");
        response.getOutputStream().write(render(article, decision));
    }

    private byte[] render(Article article, Access.Decision decision) {
        var layout = s.site().layout(article.headline(), article.standfirst(), article.url())
            .inSection(article.section().slug())
            .withCrumbs(Layout.home(), Crumb.named(article.section().name(), article.section().url()));
        Paywall.Body body = Paywall.body(article.bodyHtml(), decision.full());
        String price = membership.plans().stream().findFirst()
            .map(Plan::pricePerPeriod).orElse(null);
        return s.templates().render("article/article.jte", new ArticlePage(layout, article, body.html(),
            new ArticlePage.Reading(decision, price, freeSignedIn), articles.related(article, RELATED),
            StructuredData.meta(article, s.site(), true), articles.translations(article),
            s.database().dao(NewsletterDao.class).all().stream().findFirst().orElse(null)))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
