package dispatch.section;

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

/** /sections lists the sections; /sections/SLUG lists a section's articles, newest first. */
public final class SectionServlet extends HttpServlet {
    private final Routes.Services s;
    private final SectionDao sections;
    private final ArticleDao articles;

    public SectionServlet(Routes.Services services) {
        this.s = services;
        this.sections = services.database().dao(SectionDao.class);
        this.articles = services.database().dao(ArticleDao.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Requests.isIndex(request)) {
            var entries = sections.all().stream()
                .map(x -> new DirectoryPage.Entry(x.name(), x.description(), x.url())).toList();
            var layout = s.site().layout("Sections", "Every section of " + s.site().name() + ".", "/sections")
                .withCrumbs(new Crumb("Home", "/"));
            s.templates().send(response, "directory/directory.jte",
                new DirectoryPage(layout, "Our coverage is organised by country and region.", entries));
            return;
        }
        Optional<Section> section = Requests.slug(request).flatMap(sections::findBySlug);
        if (section.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Section x = section.get();
        Instant now = s.clock().instant();
        var listing = Listing.of(request, x.url(), () -> articles.countInSection(x.id(), now),
            (limit, offset) -> articles.inSection(x.id(), now, limit, offset));
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var layout = s.site().layout(x.name() + listing.get().pagination().titleSuffix(), x.description(),
                listing.get().path())
            .inSection(x.slug())
            .withCrumbs(new Crumb("Home", "/"), new Crumb("Sections", "/sections"));
        s.templates().send(response, "section/section.jte", new SectionPage(layout, x, listing.get()));
    }
}
