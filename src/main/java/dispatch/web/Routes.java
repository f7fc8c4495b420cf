package dispatch.web;

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
import dispatch.feed.FeedServlet;
import dispatch.feed.SitemapServlet;
import dispatch.home.HomeServlet;
import dispatch.image.MediaFiles;
import dispatch.mail.Mailer;
import dispatch.membership.Access;
import dispatch.membership.Membership;
import dispatch.membership.MembershipServlet;
import dispatch.membership.TestCheckoutServlet;
import dispatch.membership.TestGateway;
import dispatch.newsletter.Issues;
import dispatch.newsletter.NewsletterMail;
import dispatch.newsletter.NewsletterServlet;
import dispatch.newsletter.Subscriptions;
import dispatch.newsroom.ActivityServlet;
import dispatch.newsroom.ArticleEditor;
import dispatch.newsroom.DashboardServlet;
import dispatch.newsroom.EditorServlet;
import dispatch.newsroom.ImageLibraryServlet;
import dispatch.newsroom.ImageUpload;
import dispatch.newsroom.NewsletterIssuesServlet;
import dispatch.newsroom.NewsroomFilter;
import dispatch.newsroom.NewsroomPages;
import dispatch.newsroom.SignInServlet;
import dispatch.newsroom.SignOutServlet;
import dispatch.newsroom.StaffServlet;
import dispatch.page.PageServlet;
import dispatch.preferences.LanguageServlet;
import dispatch.preferences.PreferencesFilter;
import dispatch.preferences.PreferencesServlet;
import dispatch.search.SearchServlet;
import dispatch.search.SqliteSearch;
import dispatch.section.SectionServlet;
import dispatch.topic.TopicServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
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
        Config config = s.config();
        Accounts accounts = new Accounts(s.database(), s.clock(), Accounts.realPause());
        ReaderAccounts readers = new ReaderAccounts(s.database(), accounts, s.clock());
        Mailer mailer = config.mail().mailer(config.dataDir().resolve("outbox"), s.clock());
        ReaderPages readerPages = new ReaderPages(s.site(), s.templates(), accounts, readers,
            new AccountMail(mailer, s.templates(), s.site()));
        Membership[] built = new Membership[1];
        TestGateway testGateway = new TestGateway(s.clock(), () -> built[0]);
        Membership membership = built[0] = new Membership(s.database(), s.clock(), testGateway);
        Access access = new Access(s.database(), s.clock(), membership, config.freeArticles(), config.freeArticlesSignedIn());
        NewsletterMail newsletterMail = new NewsletterMail(mailer, s.templates(), s.site());
        Subscriptions subscriptions = new Subscriptions(s.database(), newsletterMail, s.clock());
        Issues issues = new Issues(s.database(), newsletterMail, membership, s.clock());

        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new PreferencesFilter(s.config().language())), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new ReaderFilter(accounts)), "/*",
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        // Reading the publication
        context.addServlet(new ServletHolder(new HomeServlet(s)), "");                // front page (exact root)
        context.addServlet(new ServletHolder(new ArticleServlet(s, articles, access, membership, config.freeArticlesSignedIn())), "/articles/*");
        context.addServlet(new ServletHolder(new SectionServlet(s)), "/sections/*");  // and /sections
        context.addServlet(new ServletHolder(new TopicServlet(s)), "/topics/*");      // and /topics
        context.addServlet(new ServletHolder(new AuthorServlet(s)), "/authors/*");    // and /authors
        context.addServlet(new ServletHolder(new SearchServlet(s, new SqliteSearch(s.database().jdbi()))), "/search");
        context.addServlet(new ServletHolder(new ArchiveServlet(s)), "/archive/*");
        context.addServlet(new ServletHolder(new PreferencesServlet(s)), "/preferences");
        context.addServlet(new ServletHolder(new LanguageServlet()), "/language/*");      // /language/ar?back=/path

        // Following and finding: feeds (/feeds/all.rss, /feeds/sections/SLUG.atom ...), sitemaps, robots.txt
        context.addServlet(new ServletHolder(new FeedServlet(s)), "/feeds/*");
        SitemapServlet sitemaps = new SitemapServlet(s);
        context.addServlet(new ServletHolder(sitemaps), "/sitemap.xml");
        context.addServlet(new ServletHolder(sitemaps), "/sitemap-news.xml");
        context.addServlet(new ServletHolder(sitemaps), "/robots.txt");

        // Standing pages, written in Markdown and kept in the database
        PageServlet pages = new PageServlet(s);
        context.addServlet(new ServletHolder(pages), "/about");
        context.addServlet(new ServletHolder(pages), "/accessibility");

        // Readers' accounts (/account/...) and membership (/membership, its checkout)
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
        context.addServlet(new ServletHolder(new MembershipServlet(s.site(), s.templates(),
            s.database().dao(dispatch.page.PageDao.class), membership, readers)), "/membership/*");  // and /membership/join
        context.addServlet(new ServletHolder(new TestCheckoutServlet(s.site(), s.templates(), membership, testGateway)),
            "/membership/test-checkout/*");

        // Newsletters: the list and its sign-up forms (/newsletters), where every sign-up form posts
        // (/newsletters/subscribe), confirming a sign-up (/newsletters/confirm?token=) and leaving
        // (/newsletters/unsubscribe?token=, also the List-Unsubscribe address of every issue)
        context.addServlet(new ServletHolder(new NewsletterServlet(s.site(), s.templates(), subscriptions)), "/newsletters/*");

        // The newsroom: every path below /newsroom needs a signed-in member of staff (NewsroomFilter),
        // except the sign-in page; every POST needs the CSRF token.
        NewsroomPages newsroom = new NewsroomPages(s.site(), s.templates());
        ArticleEditor editor = new ArticleEditor(s.database(), s.clock());
        MediaFiles mediaFiles = new MediaFiles(s.config().dataDir());
        context.addFilter(new FilterHolder(new NewsroomFilter(accounts, newsroom)), "/newsroom/*",
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
        context.addServlet(new ServletHolder(new NewsletterIssuesServlet(newsroom, s.database(), issues, s.clock())),
            "/newsroom/newsletters/*");                                          // and /new, /ID, /ID/send, /ID/email

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
    }

    private Routes() {}
}
