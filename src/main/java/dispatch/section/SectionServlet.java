package dispatch.section;

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

/** /sections lists the sections; /sections/SLUG lists a section's articles, newest first. */
public final class SectionServlet extends ArticleListServlet<Section> {
    private final SectionDao sections;

    public SectionServlet(Routes.Services services) {
        super(services);
        this.sections = services.database().dao(SectionDao.class);
    }

    @Override
    protected DirectoryPage index() {
        var entries = sections.all().stream()
            .map(x -> new DirectoryPage.Entry(x.name(), x.description(), x.url())).toList();
        return new DirectoryPage(indexLayout(t("sections.title"), t("sections.description", s.site().name()), "/sections"),
            t("sections.intro"), entries);
    }

    @Override
    protected Optional<Section> find(String slug) {
        return sections.findBySlug(slug);
    }

    @Override
    protected String url(Section section) {
        return section.url();
    }

    @Override
    protected String title(Section section) {
        return section.name();
    }

    @Override
    protected String description(Section section) {
        return section.description();
    }

    @Override
    protected int count(Section section, Instant now) {
        return articles.countInSection(section.id(), now);
    }

    @Override
    protected List<ArticleSummary> window(Section section, Instant now, KeyedListing.Key bound, boolean older, int limit,
                                          int skip) {
        return articles.inSection(section.id(), now, bound, older, limit, skip);
    }

    @Override
    protected void send(HttpServletResponse response, Section section, KeyedListing<ArticleSummary> listing, Layout layout)
            throws IOException {
        s.templates().send(response, "section/section.jte", new SectionPage(
            layout.inSection(section.slug()).withCrumbs(Layout.home(), new Crumb(t("crumb.sections"), "/sections")),
            section, listing));
    }
}
