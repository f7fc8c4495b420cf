package dispatch.topic;

import static dispatch.web.Messages.t;

import dispatch.article.ArticleListServlet;
import dispatch.article.ArticleSummary;
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

/** /topics lists the topics; /topics/SLUG lists the articles on a topic, newest first. */
public final class TopicServlet extends ArticleListServlet<Topic> {
    private final TopicDao topics;

    public TopicServlet(Routes.Services services) {
        super(services);
        this.topics = services.database().dao(TopicDao.class);
    }

    @Override
    protected DirectoryPage index() {
        var entries = topics.all().stream()
            .map(t -> new DirectoryPage.Entry(t.name(), t.description(), t.url())).toList();
        return new DirectoryPage(indexLayout(t("topics.title"), t("topics.description"), "/topics"),
            t("topics.intro"), entries);
    }

    @Override
    protected Optional<Topic> find(String slug) {
        return topics.findBySlug(slug);
    }

    @Override
    protected String url(Topic topic) {
        return topic.url();
    }

    @Override
    protected String title(Topic topic) {
        return topic.name();
    }

    @Override
    protected String description(Topic topic) {
        return topic.description();
    }

    @Override
    protected int count(Topic topic, Instant now) {
        return articles.countInTopic(topic.id(), now);
    }

    @Override
    protected List<ArticleSummary> window(Topic topic, Instant now, KeyedListing.Key bound, boolean older, int limit,
                                          int skip) {
        return articles.inTopic(topic.id(), now, bound, older, limit, skip);
    }

    @Override
    protected void send(HttpServletResponse response, Topic topic, KeyedListing<ArticleSummary> listing, Layout layout)
            throws IOException {
        s.templates().send(response, "topic/topic.jte", new TopicPage(
            layout.withCrumbs(Layout.home(), new Crumb(t("crumb.topics"), "/topics")), topic, listing));
    }
}
