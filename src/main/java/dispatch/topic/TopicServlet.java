package dispatch.topic;

import dispatch.article.ArticleDao;
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

/** /topics lists the topics; /topics/SLUG lists the articles on a topic, newest first. */
public final class TopicServlet extends HttpServlet {
    private final Routes.Services s;
    private final TopicDao topics;
    private final ArticleDao articles;

    public TopicServlet(Routes.Services services) {
        this.s = services;
        this.topics = services.database().dao(TopicDao.class);
        this.articles = services.database().dao(ArticleDao.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Requests.isIndex(request)) {
            var entries = topics.all().stream()
                .map(t -> new DirectoryPage.Entry(t.name(), t.description(), t.url())).toList();
            var layout = s.site().layout("Topics", "Subjects we follow across the region.", "/topics")
                .withCrumbs(new Crumb("Home", "/"));
            s.templates().send(response, "directory/directory.jte",
                new DirectoryPage(layout, "Subjects we follow across every section.", entries));
            return;
        }
        Optional<Topic> topic = Requests.slug(request).flatMap(topics::findBySlug);
        if (topic.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Topic t = topic.get();
        Instant now = s.clock().instant();
        var listing = Listing.of(request, t.url(), () -> articles.countInTopic(t.id(), now),
            (limit, offset) -> articles.inTopic(t.id(), now, limit, offset));
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var layout = s.site().layout(t.name() + listing.get().pagination().titleSuffix(), t.description(),
                listing.get().path())
            .withCrumbs(new Crumb("Home", "/"), new Crumb("Topics", "/topics"));
        s.templates().send(response, "topic/topic.jte", new TopicPage(layout, t, listing.get()));
    }
}
