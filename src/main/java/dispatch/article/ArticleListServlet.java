package dispatch.article;

import dispatch.web.DirectoryPage;
import dispatch.web.Layout;
import dispatch.web.KeyedListing;
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

    /** Reads T's live articles by key (see {@link KeyedListing.Window}). */
    protected abstract List<ArticleSummary> window(T item, Instant now, KeyedListing.Key bound, boolean older, int limit,
                                                   int skip);

    /** Sends the page of one T's articles; {@code layout} already has its title, path and canonical URL. */
    protected abstract void send(HttpServletResponse response, T item, KeyedListing<ArticleSummary> listing, Layout layout)
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
        if (item.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        T x = item.get();
        Instant now = s.clock().instant();
        KeyedListing.Outcome<ArticleSummary> outcome = KeyedListing.of(request, url(x), true,
            (bound, older, limit, skip) -> window(x, now, bound, older, limit, skip), ArticleListServlet::key,
            () -> count(x, now));
        Optional<KeyedListing<ArticleSummary>> listing = answered(outcome, response);
        if (listing.isEmpty()) {
            return;
        }
        Layout layout = s.site().layout(title(x) + listing.get().titleSuffix(), description(x), listing.get().path());
        send(response, x, listing.get(), layout);
    }

    /** An article's place in a list by key. */
    public static KeyedListing.Key key(ArticleSummary article) {
        return new KeyedListing.Key(article.publishedAt(), article.id());
    }

    /**
     * The listing to show, or empty when the request has been answered already: a redirect from an
     * old numbered page, 404 for a page that cannot exist, 400 for a key that is not one.
     */
    public static Optional<KeyedListing<ArticleSummary>> answered(KeyedListing.Outcome<ArticleSummary> outcome,
                                                             HttpServletResponse response) throws IOException {
        if (outcome instanceof KeyedListing.Found<ArticleSummary> found) {
            return Optional.of(found.listing());
        }
        if (outcome instanceof KeyedListing.Moved<ArticleSummary> moved) {
            response.setStatus(moved.permanent() ? HttpServletResponse.SC_MOVED_PERMANENTLY : HttpServletResponse.SC_FOUND);
            response.setHeader("Location", moved.location());
        } else if (outcome instanceof KeyedListing.Refused<ArticleSummary> refused) {
            response.sendError(refused.status());
        }
        return Optional.empty();
    }

    /** A layout for the index page at {@code path}, under the front page in the breadcrumbs. */
    protected Layout indexLayout(String title, String description, String path) {
        return s.site().layout(title, description, path).withCrumbs(Layout.home());
    }
}
