package dispatch.web;

import dispatch.Config;
import dispatch.archive.ArchiveServlet;
import dispatch.article.ArticleServlet;
import dispatch.article.Articles;
import dispatch.author.AuthorServlet;
import dispatch.db.Database;
import dispatch.feed.FeedServlet;
import dispatch.feed.SitemapServlet;
import dispatch.home.HomeServlet;
import dispatch.ops.HealthServlet;
import dispatch.ops.Metrics;
import dispatch.ops.MetricsServlet;
import dispatch.ops.RequestMetrics;
import dispatch.image.MediaFiles;
import dispatch.page.PageServlet;
import dispatch.preferences.PreferencesFilter;
import dispatch.preferences.PreferencesServlet;
import dispatch.search.SearchServlet;
import dispatch.search.SqliteSearch;
import dispatch.section.SectionServlet;
import dispatch.topic.TopicServlet;
import dispatch.account.Accounts;
import dispatch.newsroom.ActivityServlet;
import dispatch.newsroom.ArticleEditor;
import dispatch.newsroom.DashboardServlet;
import dispatch.newsroom.EditorServlet;
import dispatch.newsroom.ImageLibraryServlet;
import dispatch.newsroom.ImageUpload;
import dispatch.newsroom.NewsroomFilter;
import dispatch.newsroom.NewsroomPages;
import dispatch.newsroom.SignInServlet;
import dispatch.newsroom.SignOutServlet;
import dispatch.newsroom.StaffServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/** Every URL the site answers, on one screen. */
public final class Routes {
    static final String ERROR = "/error";

    /** What the servlets are built from. */
    public record Services(Config config, Database database, Site site, Templates templates, StyleBundle styles,
                           Clock clock, Metrics metrics, ContentChanges changes) {}

    /**
     * Installs every route in the context, and returns the context behind the page cache's fast
     * path, which answers requests for pages already kept before they reach the servlets.
     */
    static Handler install(ServletContextHandler context, Services s) {
        Articles articles = new Articles(s.database(), s.clock());
        RequestMetrics requestMetrics = new RequestMetrics(s.metrics().registry());

        context.addFilter(new FilterHolder(requestMetrics), "/*",
            EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new PreferencesFilter()), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        // Public pages: the same for every anonymous reader, so they go through the page cache
        // (rendered once, answered from memory, with ETag, Last-Modified and Cache-Control).
        List<String> publicPages = new ArrayList<>();

        // Reading the publication
        publicPage(context, publicPages, new HomeServlet(s), "");                 // front page (exact root)
        publicPage(context, publicPages, new ArticleServlet(s, articles), "/articles/*");
        publicPage(context, publicPages, new SectionServlet(s), "/sections/*");   // and /sections
        publicPage(context, publicPages, new TopicServlet(s), "/topics/*");       // and /topics
        publicPage(context, publicPages, new AuthorServlet(s), "/authors/*");     // and /authors
        publicPage(context, publicPages, new SearchServlet(s, new SqliteSearch(s.database().jdbi())), "/search");
        publicPage(context, publicPages, new ArchiveServlet(s), "/archive/*");    // /archive, /archive/YYYY, /archive/YYYY/MM
        // Personal: its form carries a CSRF token, so it is never cached (private, no-store).
        context.addServlet(new ServletHolder(new PreferencesServlet(s)), "/preferences");

        // Following and finding: feeds (/feeds/all.rss, /feeds/sections/SLUG.atom ...), sitemaps, robots.txt
        publicPage(context, publicPages, new FeedServlet(s), "/feeds/*");
        publicPage(context, publicPages, new SitemapServlet(s), "/sitemap.xml", "/sitemap-news.xml", "/robots.txt");

        // Standing pages, written in Markdown and kept in the database
        publicPage(context, publicPages, new PageServlet(s), "/about", "/accessibility", "/membership");

        PageCache pageCache = new PageCache(s.config().pageCacheTtl(), s.clock(), s.changes(), s.metrics().registry());
        FilterHolder cache = new FilterHolder(pageCache);
        cache.setName("page-cache");
        context.getServletHandler().addFilter(cache);
        FilterMapping cached = new FilterMapping();
        cached.setFilterName("page-cache");
        cached.setPathSpecs(publicPages.toArray(String[]::new));
        cached.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().addFilterMapping(cached);

        // The newsroom: every path below /newsroom needs a signed-in member of staff (NewsroomFilter),
        // except the sign-in page; every POST needs the CSRF token.
        Accounts accounts = new Accounts(s.database(), s.clock(), Accounts.realPause());
        NewsroomPages newsroom = new NewsroomPages(s.site(), s.templates());
        ArticleEditor editor = new ArticleEditor(s.database(), s.clock());
        MediaFiles mediaFiles = new MediaFiles(s.config().dataDir());
        context.addFilter(new FilterHolder(new NewsroomFilter(accounts, newsroom, s.changes())), "/newsroom/*",
            EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new DashboardServlet(newsroom, s.database(), s.clock())), "/newsroom");
        context.addServlet(new ServletHolder(new SignInServlet(accounts, newsroom)), "/newsroom/sign-in");
        context.addServlet(new ServletHolder(new SignOutServlet(accounts)), "/newsroom/sign-out");
        context.addServlet(new ServletHolder(new EditorServlet(editor, newsroom, s.database(), s.site(), s.clock())),
            "/newsroom/articles/*");  // new, ID, ID/revisions, ID/revisions/compare, ID/revisions/N/restore
        ServletHolder images = new ServletHolder(new ImageLibraryServlet(newsroom, s.database(), mediaFiles, s.clock()));
        images.getRegistration().setMultipartConfig(new MultipartConfigElement(
            System.getProperty("java.io.tmpdir"), ImageUpload.MAX_BYTES, ImageUpload.MAX_BYTES + 1024 * 1024, 1024 * 1024));
        context.addServlet(images, "/newsroom/images/*");                      // and /newsroom/images/ID
        context.addServlet(new ServletHolder(new StaffServlet(newsroom, s.database(), accounts, s.clock())),
            "/newsroom/staff/*");                                               // and /newsroom/staff/ID
        context.addServlet(new ServletHolder(new ActivityServlet(newsroom, s.database())), "/newsroom/activity");

        // Operations: liveness, readiness (database and migrations), Prometheus metrics
        HealthServlet health = new HealthServlet(s.database());
        context.addServlet(new ServletHolder(health), "/healthz");
        context.addServlet(new ServletHolder(health), "/readyz");
        context.addServlet(new ServletHolder(new MetricsServlet(s.metrics(), s.config().metricsToken())), "/metrics");

        // Files: images from the data folder, the hashed stylesheet, and web/ (favicon)
        ServletHolder media = new ServletHolder("media", ResourceServlet.class);
        media.setInitParameter("baseResource", mediaFiles.folder().toUri().toString());
        media.setInitParameter("pathInfoOnly", "true");
        media.setInitParameter("dirAllowed", "false");
        media.setInitParameter("etags", "true");
        media.setInitParameter("cacheControl", "public, max-age=86400");
        context.addServlet(media, "/media/*");
        context.addServlet(new ServletHolder(new AssetServlet(s.styles())), "/assets/*");
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("etags", "true");
        files.setInitParameter("cacheControl", "public, max-age=3600");
        context.addServlet(files, "/");

        context.addServlet(new ServletHolder(new ErrorServlet(s.site(), s.templates())), ERROR);
        return new CachedPages(pageCache, requestMetrics, context);
    }

    private static void publicPage(ServletContextHandler context, List<String> publicPages, HttpServlet servlet,
                                   String... paths) {
        for (String path : paths) {
            context.addServlet(new ServletHolder(servlet), path);
            publicPages.add(path);
        }
    }

    private Routes() {}
}
