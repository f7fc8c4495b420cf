package dispatch.article;

import dispatch.web.DirectoryPage;
import dispatch.web.Layout;
import dispatch.web.Listing;
import dispatch.web.Requests;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shape shared by sections, topics and writers: /things lists them all, /things/SLUG lists
 * one thing's articles, newest first, ten to a page. A slug or page that does not exist is a
 * 404, never a guess.
 *
 * @param <T> what the articles are grouped by
 */
public abstract class ArticleListServlet<T> extends HttpServlet {
    protected final Routes.Services s;
    protected final ArticleDao articles;

    protected ArticleListServlet(Routes.Services services) {
        this.s = services;
        this.articles = services.database().dao(ArticleDao.class);
    }

    /** The index of every T (the page at /things). */
    protected abstract DirectoryPage index();

    protected abstract Optional<T> find(String slug);

    protected abstract String url(T item);

    protected abstract int count(T item, Instant now);

    protected abstract List<ArticleSummary> page(T item, Instant now, int limit, int offset);

    /** Sends the page of one T's articles; {@code layout} already has its title, path and canonical URL. */
    protected abstract void send(HttpServletResponse response, T item, Listing<ArticleSummary> listing, Layout layout)
        throws IOException;

    protected abstract String title(T item);

    protected abstract String description(T item);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Requests.isIndex(request)) {
            s.templates().send(response, "directory/directory.jte", index());
            return;
        }
        Optional<T> item = Requests.slug(request).flatMap(this::find);
        Instant now = s.clock().instant();
        Optional<Listing<ArticleSummary>> listing = item.flatMap(x -> Listing.of(request, url(x),
            () -> count(x, now), (limit, offset) -> page(x, now, limit, offset)));
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        T x = item.get();
        Layout layout = s.site().layout(title(x) + listing.get().pagination().titleSuffix(), description(x),
            listing.get().path());
        send(response, x, listing.get(), layout);
    }

    /** A layout for the index page at {@code path}, under the front page in the breadcrumbs. */
    protected Layout indexLayout(String title, String description, String path) {
        return s.site().layout(title, description, path).withCrumbs(Layout.home());
    }
}
