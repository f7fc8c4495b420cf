package dispatch.page;

import dispatch.web.Layout;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Standing pages (/about, /accessibility, /membership): the path names the page. */
public final class PageServlet extends HttpServlet {
    private final Routes.Services s;
    private final PageDao pages;

    public PageServlet(Routes.Services services) {
        this.s = services;
        this.pages = services.database().dao(PageDao.class);
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
            .withCrumbs(Layout.home()).titledInPublicationLanguage();
        s.templates().send(response, "page/page.jte", new StandingPage(layout, page.get()));
    }
}
