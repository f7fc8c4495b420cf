package dispatch.article;

import dispatch.web.Layout;
import dispatch.web.Layout.Crumb;
import dispatch.web.Requests;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** /articles/SLUG: one published article. */
public final class ArticleServlet extends HttpServlet {
    private static final int RELATED = 3;
    private final Routes.Services s;
    private final Articles articles;

    public ArticleServlet(Routes.Services services, Articles articles) {
        this.s = services;
        this.articles = articles;
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
        s.templates().send(response, "article/article.jte", new ArticlePage(layout, article,
            articles.related(article, RELATED), StructuredData.meta(article, s.site()), articles.translations(article)));
    }
}
