package dispatch.home;

import static dispatch.web.Messages.t;

import dispatch.article.ArticleDao;
import dispatch.article.ArticleSummary;
import dispatch.article.Articles;
import dispatch.article.Kind;
import dispatch.newsletter.NewsletterDao;
import dispatch.section.SectionDao;
import dispatch.web.KeyedListing;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The front page: the lead story (the latest news report), the latest from each section, and
 * the latest analysis. An article appears once on the page, so a screen-reader user listing
 * its links does not meet the same headline twice.
 */
public final class HomeServlet extends HttpServlet {
    private static final int PER_SECTION = 3;
    private static final int ANALYSIS = 4;
    private final Routes.Services s;
    private final ArticleDao dao;
    private final SectionDao sections;
    private final Articles articles;

    public HomeServlet(Routes.Services services) {
        this.s = services;
        this.dao = services.database().dao(ArticleDao.class);
        this.sections = services.database().dao(SectionDao.class);
        this.articles = new Articles(services.database(), services.clock());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant now = s.clock().instant();
        var lead = dao.latestOfKind(Kind.NEWS.code(), now, 1).stream().findFirst()
            .flatMap(a -> articles.published(a.slug())).orElse(null);
        long leadId = lead == null ? -1 : lead.id();
        List<ArticleSummary> analysis = dao.latestOfKind(Kind.ANALYSIS.code(), now, ANALYSIS + 1).stream()
            .filter(a -> a.id() != leadId).limit(ANALYSIS).toList();
        var shown = new java.util.HashSet<Long>();
        shown.add(leadId);
        analysis.forEach(a -> shown.add(a.id()));
        var bySection = sections.all().stream()
            .map(x -> new HomePage.SectionLatest(x, dao.inSection(x.id(), now, KeyedListing.Key.LATEST, true, PER_SECTION + ANALYSIS + 1, 0)
                .stream().filter(a -> !shown.contains(a.id())).limit(PER_SECTION).toList()))
            .filter(x -> !x.articles().isEmpty())
            .toList();
        var layout = s.site().layout(s.site().name(), t("site.description"), "/");
        var newsletter = s.database().dao(NewsletterDao.class).all().stream().findFirst().orElse(null);
        s.templates().send(response, "home/home.jte", new HomePage(layout, lead, bySection, analysis, newsletter));
    }
}
