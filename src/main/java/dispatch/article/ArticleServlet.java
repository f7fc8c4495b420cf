package dispatch.article;

import dispatch.membership.Access;
import dispatch.newsletter.NewsletterDao;
import dispatch.membership.Membership;
import dispatch.membership.Meter;
import dispatch.membership.Paywall;
import dispatch.web.Layout;
import dispatch.web.Messages;
import dispatch.web.Layout.Crumb;
import dispatch.web.Requests;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * /articles/SLUG: one published article, as much of it as the reader may read (see
 * {@link Access} and {@link Paywall}): the rest of a gated article is never sent.
 */
public final class ArticleServlet extends HttpServlet {
    private static final int RELATED = 3;
    private final Routes.Services s;
    private final Articles articles;
    private final Access access;
    private final Membership membership;
    private final int freeSignedIn;

    public ArticleServlet(Routes.Services services, Articles articles, Access access, Membership membership,
                          int freeSignedIn) {
        this.s = services;
        this.articles = articles;
        this.access = access;
        this.membership = membership;
        this.freeSignedIn = freeSignedIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Article> found = Requests.slug(request).flatMap(articles::published);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Article article = found.get();
        var layout = s.site().layout(article.headline(), article.standfirst(), article.url())
            .inSection(article.section().slug())
            .withCrumbs(Layout.home(), Crumb.named(article.section().name(), article.section().url()))
            .titledIn(article.language());
        Access.Decision decision = access.open(Meter.reader(request, response), article.id(), article.membersOnly());
        Paywall.Body body = Paywall.body(article.bodyHtml(), decision.full());
        String price = membership.plans().stream().findFirst()
            .map(p -> Messages.t(p.yearly() ? "membership.perYear" : "membership.perMonth", p.price())).orElse(null);
        // What is sent depends on who asks: never stored by shared caches.
        response.setHeader("Cache-Control", "private, no-cache");
        s.templates().send(response, "article/article.jte", new ArticlePage(layout, article, body.html(),
            new ArticlePage.Reading(decision, price, freeSignedIn), articles.related(article, RELATED),
            StructuredData.meta(article, s.site(), true), articles.translations(article),
            s.database().dao(NewsletterDao.class).all().stream().findFirst().orElse(null)));
    }
}
