package dispatch.author;

import static dispatch.web.Messages.t;

import dispatch.article.ArticleListServlet;
import dispatch.article.ArticleSummary;
import dispatch.image.ImageDao;
import dispatch.web.DirectoryPage;
import dispatch.web.Layout;
import dispatch.web.Layout.Crumb;
import dispatch.web.KeyedListing;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** /authors lists the writers; /authors/SLUG shows one writer's biography and articles. */
public final class AuthorServlet extends ArticleListServlet<Author> {
    private final AuthorDao authors;
    private final ImageDao images;

    public AuthorServlet(Routes.Services services) {
        super(services);
        this.authors = services.database().dao(AuthorDao.class);
        this.images = services.database().dao(ImageDao.class);
    }

    @Override
    protected DirectoryPage index() {
        var entries = authors.all().stream()
            .map(a -> new DirectoryPage.Entry(a.name(), a.role(), a.url())).toList();
        return new DirectoryPage(indexLayout(t("writers.title"), t("writers.description", s.site().name()), "/authors"),
            t("writers.intro"), entries);
    }

    @Override
    protected Optional<Author> find(String slug) {
        return authors.findBySlug(slug);
    }

    @Override
    protected String url(Author author) {
        return author.url();
    }

    @Override
    protected String title(Author author) {
        return author.name();
    }

    @Override
    protected String description(Author author) {
        return author.role() + ". " + author.bio();
    }

    @Override
    protected int count(Author author, Instant now) {
        return articles.countByAuthor(author.id(), now);
    }

    @Override
    protected List<ArticleSummary> window(Author author, Instant now, KeyedListing.Key bound, boolean older, int limit,
                                          int skip) {
        return articles.byAuthor(author.id(), now, bound, older, limit, skip);
    }

    @Override
    protected void send(HttpServletResponse response, Author author, KeyedListing<ArticleSummary> listing, Layout layout)
            throws IOException {
        var portrait = author.portraitImageId() == null ? null : images.find(author.portraitImageId()).orElse(null);
        s.templates().send(response, "author/author.jte", new AuthorPage(
            layout.withCrumbs(Layout.home(), new Crumb(t("crumb.writers"), "/authors")), author, portrait, listing));
    }
}
