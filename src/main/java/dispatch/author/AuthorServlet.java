package dispatch.author;

import dispatch.article.ArticleDao;
import dispatch.image.ImageDao;
import dispatch.web.DirectoryPage;
import dispatch.web.Layout.Crumb;
import dispatch.web.Listing;
import dispatch.web.Requests;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** /authors lists the writers; /authors/SLUG shows one writer's biography and articles. */
public final class AuthorServlet extends HttpServlet {
    private final Routes.Services s;
    private final AuthorDao authors;
    private final ArticleDao articles;
    private final ImageDao images;

    public AuthorServlet(Routes.Services services) {
        this.s = services;
        this.authors = services.database().dao(AuthorDao.class);
        this.articles = services.database().dao(ArticleDao.class);
        this.images = services.database().dao(ImageDao.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Requests.isIndex(request)) {
            var entries = authors.all().stream()
                .map(a -> new DirectoryPage.Entry(a.name(), a.role(), a.url())).toList();
            var layout = s.site().layout("Our writers", "The people who write for " + s.site().name() + ".",
                    "/authors")
                .withCrumbs(new Crumb("Home", "/"));
            s.templates().send(response, "directory/directory.jte",
                new DirectoryPage(layout, "The correspondents, editors and analysts who write for us.", entries));
            return;
        }
        Optional<Author> author = Requests.slug(request).flatMap(authors::findBySlug);
        if (author.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Author a = author.get();
        Instant now = s.clock().instant();
        var listing = Listing.of(request, a.url(), () -> articles.countByAuthor(a.id(), now),
            (limit, offset) -> articles.byAuthor(a.id(), now, limit, offset));
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var portrait = a.portraitImageId() == null ? null : images.find(a.portraitImageId()).orElse(null);
        var layout = s.site().layout(a.name() + listing.get().pagination().titleSuffix(), a.role() + ". " + a.bio(),
                listing.get().path())
            .withCrumbs(new Crumb("Home", "/"), new Crumb("Our writers", "/authors"));
        s.templates().send(response, "author/author.jte", new AuthorPage(layout, a, portrait, listing.get()));
    }
}
