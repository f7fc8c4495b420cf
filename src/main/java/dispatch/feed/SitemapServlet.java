package dispatch.feed;

import dispatch.web.Routes;
import dispatch.web.XmlChars;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * /sitemap.xml (every public page), /sitemap-news.xml (articles of the last two days, in the
 * Google News format) and /robots.txt, which points crawlers at both and keeps them out of the
 * newsroom.
 */
public final class SitemapServlet extends HttpServlet {
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private final Routes.Services s;

    public SitemapServlet(Routes.Services services) {
        this.s = services;
    }

    /** The sitemap's data: absolute addresses and last changes. */
    public record Sitemap(List<SitemapDao.Entry> entries, String base) {}

    /** The news sitemap's data. */
    public record NewsSitemap(List<SitemapDao.NewsEntry> entries, String base, String publication) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SitemapDao dao = s.database().dao(SitemapDao.class);
        Instant now = s.clock().instant();
        String base = s.site().absolute("");
        switch (request.getServletPath()) {
            case "/sitemap.xml" -> {
                List<SitemapDao.Entry> entries = new ArrayList<>();
                entries.add(new SitemapDao.Entry("/", dao.articles(now).stream().findFirst()
                    .map(SitemapDao.Entry::lastModified).orElse(null)));
                entries.add(new SitemapDao.Entry("/sections", null));
                entries.addAll(dao.sections(now));
                entries.add(new SitemapDao.Entry("/topics", null));
                entries.addAll(dao.topics());
                entries.add(new SitemapDao.Entry("/authors", null));
                entries.addAll(dao.authors());
                entries.add(new SitemapDao.Entry("/archive", null));
                entries.addAll(dao.pages());
                entries.addAll(dao.articles(now));
                xml(response, s.templates().render("feed/sitemap.jte", new Sitemap(entries, base)));
            }
            case "/sitemap-news.xml" -> xml(response, s.templates().render("feed/news-sitemap.jte",
                new NewsSitemap(dao.news(now, now.minus(NEWS_WINDOW)), base, s.site().name())));
            default -> {
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().write("""
                    User-agent: *
                    Allow: /
                    Disallow: /newsroom

                    Sitemap: %1$s/sitemap.xml
                    Sitemap: %1$s/sitemap-news.xml
                    """.formatted(base));
            }
        }
    }

    private static void xml(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/xml;charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        // The XML declaration must be the document's very first characters. jte escapes markup
        // but passes every character through, and a character XML 1.0 forbids (a U+0001 in a
        // headline stored by any road) would make the whole sitemap unreadable: it is left out.
        response.getWriter().write(XmlChars.strip(body.strip()));
    }
}
