package dispatch.web;

import dispatch.Config;
import dispatch.article.ArticleServlet;
import dispatch.article.Articles;
import dispatch.author.AuthorServlet;
import dispatch.db.Database;
import dispatch.home.HomeServlet;
import dispatch.image.MediaFiles;
import dispatch.page.PageServlet;
import dispatch.section.SectionServlet;
import dispatch.topic.TopicServlet;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Every URL the site answers, on one screen. */
public final class Routes {
    static final String ERROR = "/error";

    /** What the servlets are built from. */
    public record Services(Config config, Database database, Site site, Templates templates, StyleBundle styles,
                           Clock clock) {}

    static void install(ServletContextHandler context, Services s) {
        Articles articles = new Articles(s.database(), s.clock());

        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        // Reading the publication
        context.addServlet(new ServletHolder(new HomeServlet(s)), "");                // front page (exact root)
        context.addServlet(new ServletHolder(new ArticleServlet(s, articles)), "/articles/*");
        context.addServlet(new ServletHolder(new SectionServlet(s)), "/sections/*");  // and /sections
        context.addServlet(new ServletHolder(new TopicServlet(s)), "/topics/*");      // and /topics
        context.addServlet(new ServletHolder(new AuthorServlet(s)), "/authors/*");    // and /authors

        // Standing pages, written in Markdown and kept in the database
        PageServlet pages = new PageServlet(s);
        context.addServlet(new ServletHolder(pages), "/about");
        context.addServlet(new ServletHolder(pages), "/accessibility");
        context.addServlet(new ServletHolder(pages), "/membership");

        // Files: images from the data folder, the hashed stylesheet, and web/ (favicon, robots.txt)
        ServletHolder media = new ServletHolder("media", ResourceServlet.class);
        media.setInitParameter("baseResource", new MediaFiles(s.config().dataDir()).folder().toUri().toString());
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
    }

    private Routes() {}
}
