package dispatch.web;

import dispatch.changes.ContentChanges;
import dispatch.Config;
import dispatch.account.AccountDataServlet;
import dispatch.account.AccountMail;
import dispatch.account.AccountServlet;
import dispatch.account.Accounts;
import dispatch.account.ConfirmServlet;
import dispatch.account.DeleteAccountServlet;
import dispatch.account.PasswordResetServlet;
import dispatch.account.ReaderAccounts;
import dispatch.account.ReaderFilter;
import dispatch.account.ReaderPages;
import dispatch.account.ReaderSignInServlet;
import dispatch.account.RegisterServlet;
import dispatch.archive.ArchiveServlet;
import dispatch.article.ArticleServlet;
import dispatch.article.Articles;
import dispatch.author.AuthorServlet;
import dispatch.db.Database;
import dispatch.db.Dialect;
import dispatch.feed.FeedServlet;
import dispatch.feedback.ReportProblemServlet;
import dispatch.feed.SitemapServlet;
import dispatch.home.HomeServlet;
import dispatch.ops.HealthServlet;
import dispatch.ops.Metrics;
import dispatch.ops.MetricsServlet;
import dispatch.ops.RequestMetrics;
import dispatch.image.MediaFiles;
import dispatch.limit.FormLimits;
import dispatch.limit.RateLimits;
import dispatch.mail.Mailer;
import dispatch.membership.Access;
import dispatch.membership.Membership;
import dispatch.membership.MembershipServlet;
import dispatch.membership.Meter;
import dispatch.membership.StripeGateway;
import dispatch.membership.StripeWebhook;
import dispatch.membership.StripeWebhookServlet;
import dispatch.membership.TestCheckoutServlet;
import dispatch.membership.TestGateway;
import dispatch.audit.AuditHistory;
import dispatch.newsletter.Issues;
import dispatch.newsletter.NewsletterMail;
import dispatch.newsletter.NewsletterServlet;
import dispatch.newsletter.Subscriptions;
import dispatch.newsroom.ActivityServlet;
import dispatch.newsroom.AuditServlet;
import dispatch.newsroom.ArticleEditor;
import dispatch.newsroom.DashboardServlet;
import dispatch.newsroom.EditorServlet;
import dispatch.newsroom.ImageLibraryServlet;
import dispatch.newsroom.ImageUpload;
import dispatch.newsroom.NewsletterIssuesServlet;
import dispatch.newsroom.NewsroomFilter;
import dispatch.newsroom.NewsroomPages;
import dispatch.newsroom.PlansServlet;
import dispatch.newsroom.SignInServlet;
import dispatch.newsroom.SignOutServlet;
import dispatch.newsroom.StaffServlet;
import dispatch.page.PageServlet;
import dispatch.preferences.LanguageServlet;
import dispatch.preferences.PreferencesFilter;
import dispatch.preferences.PreferencesServlet;
import dispatch.search.SearchServlet;
import dispatch.search.PostgresSearch;
import dispatch.search.Search;
import dispatch.search.SqliteSearch;
import dispatch.section.SectionServlet;
import dispatch.topic.TopicServlet;
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
                           Clock clock, Metrics metrics, ContentChanges changes, QuietLog clientErrors) {}

    /**
     * Installs every route in the context, and returns the context behind the page cache's fast
     * path, which answers requests for pages already kept before they reach the servlets.
     */
    static Handler install(ServletContextHandler context, Services s) {
        Articles articles = new Articles(s.database(), s.clock());
        Config config = s.config();
        Accounts accounts = new Accounts(s.database(), s.clock(), Accounts.realPause());
        ReaderAccounts readers = new ReaderAccounts(s.database(), accounts, s.clock());
        Mailer mailer = config.mail().mailer(config.dataDir().resolve("outbox"), s.clock());
        // Limits on the public forms that cost a bcrypt run, send mail or store what is sent.
        FormLimits formLimits = new FormLimits(new RateLimits(s.database(), s.clock()), config, s.site(), s.templates(),
            s.clock());
        ReaderPages readerPages = new ReaderPages(s.site(), s.templates(), accounts, readers,
            new AccountMail(mailer, s.templates(), s.site()), formLimits);
        // Stripe Checkout when a Stripe key is set; otherwise the built-in test gateway, in test mode.
        Membership[] built = new Membership[1];
        StripeGateway stripe = config.stripe() == null ? null : new StripeGateway(config.stripe());
        TestGateway testGateway = stripe == null ? new TestGateway(s.clock(), () -> built[0]) : null;
        Membership membership = built[0] = new Membership(s.database(), s.clock(), stripe != null ? stripe : testGateway);
        Access access = new Access(s.database(), s.clock(), membership, config.freeArticles(), config.freeArticlesSignedIn());
        RequestMetrics requestMetrics = new RequestMetrics(s.metrics().registry());
        Meter meter = new Meter(access, s.database(), s.clock());
        NewsletterMail newsletterMail = new NewsletterMail(mailer, s.templates(), s.site());
        Subscriptions subscriptions = new Subscriptions(s.database(), newsletterMail, s.clock());
        Issues issues = new Issues(s.database(), newsletterMail, membership, s.clock());

        context.addFilter(new FilterHolder(requestMetrics), "/*",
            EnumSet.of(DispatcherType.REQUEST));
        // The client's address and scheme, from the X-Forwarded-* headers of trusted proxies only.
        context.addFilter(new FilterHolder(new TrustedProxies(config.trustedProxies())), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        // 405 (with Allow) for any method a route does not serve; 400 for a request that cannot be read.
        context.addFilter(new FilterHolder(new AllowedMethods(context.getServletHandler())), "/*",
            EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new ClientErrors(s.clientErrors())), "/*",
            EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new PreferencesFilter(s.config().language())), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new ReaderFilter(accounts)), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        // Public pages: the same for every anonymous reader, so they go through the page cache
        // (rendered once, answered from memory, with ETag, Last-Modified and Cache-Control).
        List<String> publicPages = new ArrayList<>();

        // Reading the publication
        publicPage(context, publicPages, new HomeServlet(s), "");                 // front page (exact root)
        // Articles depend on who reads them (the meter, membership): the page cache keeps one page
        // per meter decision for readers without an account, each given their own meter cookie.
        publicPage(context, publicPages, new ArticleServlet(s, articles, meter, membership,
            config.freeArticlesSignedIn()), "/articles/*");
        publicPage(context, publicPages, new SectionServlet(s), "/sections/*");   // and /sections
        publicPage(context, publicPages, new TopicServlet(s), "/topics/*");       // and /topics
        publicPage(context, publicPages, new AuthorServlet(s), "/authors/*");     // and /authors
        // Full-text search in the engine's own way: FTS5 on SQLite, text search on PostgreSQL.
        Search search = s.database().dialect() == Dialect.POSTGRESQL
            ? new PostgresSearch(s.database().jdbi()) : new SqliteSearch(s.database().jdbi());
        publicPage(context, publicPages, new SearchServlet(s, search, access), "/search");
        publicPage(context, publicPages, new ArchiveServlet(s), "/archive/*");    // /archive, /archive/YYYY, /archive/YYYY/MM
        // Personal: its form carries a CSRF token, so it is never cached (private, no-store).
        context.addServlet(new ServletHolder(new PreferencesServlet(s, readers)), "/preferences");
        context.addServlet(new ServletHolder(new LanguageServlet(readers)), "/language/*");  // /language/ar?back=/path

        // Following and finding: feeds (/feeds/all.rss, /feeds/sections/SLUG.atom ...), sitemaps, robots.txt
        publicPage(context, publicPages, new FeedServlet(s), "/feeds/*");
        publicPage(context, publicPages, new SitemapServlet(s), "/sitemap.xml", "/sitemaps/*", "/sitemap-news.xml",
            "/robots.txt");

        // Standing pages, written in Markdown and kept in the database
        // The accessibility statement carries a form to report a problem (a CSRF token): personal.
        PageServlet pages = new PageServlet(s);
        publicPage(context, publicPages, pages, "/about");
        context.addServlet(new ServletHolder(pages), "/accessibility");
        context.addServlet(new ServletHolder(new ReportProblemServlet(s, formLimits)), ReportProblemServlet.PATH);

        // Readers' accounts (/account/...) and membership (/membership; the test checkout, or Stripe's webhook)
        context.addServlet(new ServletHolder(new AccountServlet(readerPages, membership, config.freeArticlesSignedIn(),
            subscriptions)), "/account/*");                                     // /account, and its forms' actions
        context.addServlet(new ServletHolder(new RegisterServlet(readerPages, config.freeArticles(),
            config.freeArticlesSignedIn())), "/account/register");
        ReaderSignInServlet signIn = new ReaderSignInServlet(readerPages);
        context.addServlet(new ServletHolder(signIn), "/account/sign-in");
        context.addServlet(new ServletHolder(signIn), "/account/sign-out");
        PasswordResetServlet reset = new PasswordResetServlet(readerPages);
        context.addServlet(new ServletHolder(reset), "/account/forgot-password");
        context.addServlet(new ServletHolder(reset), "/account/reset-password");
        ConfirmServlet confirm = new ConfirmServlet(readerPages);
        context.addServlet(new ServletHolder(confirm), "/account/verify");
        context.addServlet(new ServletHolder(confirm), "/account/confirm-email");
        context.addServlet(new ServletHolder(new AccountDataServlet(readerPages, s.database())), "/account/data");
        context.addServlet(new ServletHolder(new DeleteAccountServlet(readerPages, membership)), "/account/delete");
        // The membership page is the same for every anonymous reader: cached (join is a POST, never cached).
        publicPage(context, publicPages, new MembershipServlet(s.site(), s.templates(),
            s.database().dao(dispatch.page.PageDao.class), membership, readers), "/membership/*");
        if (stripe != null) {
            context.addServlet(new ServletHolder(new StripeWebhookServlet(
                new StripeWebhook(config.stripe().webhookSecret(), stripe, membership))), "/membership/stripe/webhook");
        } else {
            context.addServlet(new ServletHolder(new TestCheckoutServlet(s.site(), s.templates(), membership, testGateway)),
                "/membership/test-checkout/*");
        }

        FilterHolder cache = new FilterHolder(new PageCache.Keep());
        cache.setName("page-cache");
        context.getServletHandler().addFilter(cache);
        FilterMapping cached = new FilterMapping();
        cached.setFilterName("page-cache");
        cached.setPathSpecs(publicPages.toArray(String[]::new));
        cached.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().addFilterMapping(cached);

        // Newsletters: the list and its sign-up forms (/newsletters), where every sign-up form posts
        // (/newsletters/subscribe), confirming a sign-up (/newsletters/confirm?token=) and leaving
        // (/newsletters/unsubscribe?token=, also the List-Unsubscribe address of every issue)
        context.addServlet(new ServletHolder(new NewsletterServlet(s.site(), s.templates(), subscriptions, formLimits)), "/newsletters/*");

        // The newsroom: every path below /newsroom needs a signed-in member of staff (NewsroomFilter),
        // except the sign-in page; every POST needs the CSRF token.
        NewsroomPages newsroom = new NewsroomPages(s.site(), s.templates());
        ArticleEditor editor = new ArticleEditor(s.database(), s.clock());
        MediaFiles mediaFiles = new MediaFiles(s.config().dataDir());
        context.addFilter(new FilterHolder(new NewsroomFilter(accounts, newsroom, s.changes())), "/newsroom/*",
            EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new DashboardServlet(newsroom, s.database(), s.clock())), "/newsroom");
        context.addServlet(new ServletHolder(new SignInServlet(accounts, newsroom, formLimits)), "/newsroom/sign-in");
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
        context.addServlet(new ServletHolder(new PlansServlet(newsroom, s.database(), s.clock())),
            "/newsroom/plans/*");                                               // and /newsroom/plans/CODE
        context.addServlet(new ServletHolder(new NewsletterIssuesServlet(newsroom, s.database(), issues, s.clock())),
            "/newsroom/newsletters/*");                                          // and /new, /ID, /ID/send, /ID/email
        context.addServlet(new ServletHolder(new AuditServlet(newsroom, new AuditHistory(s.database(), s.clock()),
            s.database(), s.clock())), "/newsroom/audits");                    // runs, comparisons, reviews, reports

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

        context.addServlet(new ServletHolder(new ErrorServlet(s.site(), s.templates(), s.clientErrors())), ERROR);
        // In front of the servlets: the page cache (see PageCache for what it keeps, and how).
        return new PageCache(config.pageCacheTtl(), s.clock(), s.changes(), s.metrics().registry(), requestMetrics,
            request -> ClientAddress.secure(request, config.trustedProxies()), context)
            .everyPage(ReaderFilter.readers(accounts, access::entitled))
            .everyPage(PreferencesFilter.VARIATION)
            .variation(Meter.VARIATION, meter);
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
