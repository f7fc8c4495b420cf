package dispatch.feed;

import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * /sitemap.xml (the index of the sitemaps), /sitemaps/NAME.xml (the files it lists),
 * /sitemap-news.xml (articles of the last two days, in the Google News format) and /robots.txt,
 * which points crawlers at the index and the news sitemap and keeps them out of the newsroom.
 * All are public pages, kept by the page cache like the feeds.
 */
public final class SitemapServlet extends HttpServlet {
    private final Routes.Services s;
    private final Sitemaps sitemaps;

    public SitemapServlet(Routes.Services services) {
        this(services, Sitemaps.PER_FILE);
    }

    /** @param perFile the most articles one sitemap file lists */
    public SitemapServlet(Routes.Services services, int perFile) {
        this.s = services;
        this.sitemaps = new Sitemaps(services.database(), services.templates(), services.clock(),
            services.site().name(), perFile);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = s.site().absolute("");
        switch (request.getServletPath()) {
            case "/sitemap.xml" -> xml(response, Optional.of(sitemaps.index(base)));
            case "/sitemap-news.xml" -> xml(response, Optional.of(sitemaps.news(base)));
            case "/robots.txt" -> {
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().write("""
                    User-agent: *
                    Allow: /
                    Disallow: /newsroom

                    Sitemap: %1$s/sitemap.xml
                    Sitemap: %1$s/sitemap-news.xml
                    """.formatted(base));
            }
            default -> {
                String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
                xml(response, sitemaps.file(name, base));
            }
        }
    }

    private static void xml(HttpServletResponse response, Optional<String> body) throws IOException {
        if (body.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/xml;charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(body.get());
    }
}
