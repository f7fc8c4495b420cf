package dispatch.page;

import dispatch.audit.AuditHistory;
import dispatch.audit.AuditSummary;
import dispatch.web.Csrf;
import dispatch.web.Layout;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Standing pages (/about, /accessibility, /membership): the path names the page. The
 * accessibility statement also gives the date and findings of the latest recorded audit, and
 * the form to report a problem.
 */
public final class PageServlet extends HttpServlet {
    private final Routes.Services s;
    private final PageDao pages;
    private final AuditHistory audits;

    public PageServlet(Routes.Services services) {
        this.s = services;
        this.pages = services.database().dao(PageDao.class);
        this.audits = new AuditHistory(services.database(), services.clock());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getServletPath().substring(1);
        var page = pages.find(slug);
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var layout = s.site().layout(page.get().title(), page.get().summary(), "/" + slug)
            .withCrumbs(Layout.home());
        boolean statement = slug.equals("accessibility");
        AuditSummary audit = statement ? audits.latestSummary().orElse(null) : null;
        String csrf = statement ? Csrf.token(request, response) : null;
        s.templates().send(response, "page/page.jte", new StandingPage(layout, page.get(), audit, csrf));
    }
}
