package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.db.Database;
import dispatch.web.Layout;
import dispatch.web.Listing;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/** /newsroom: every article, most recently changed first, with its status. */
public final class DashboardServlet extends HttpServlet {
    private final NewsroomPages pages;
    private final Database database;
    private final Clock clock;

    public DashboardServlet(NewsroomPages pages, Database database, Clock clock) {
        this.pages = pages;
        this.database = database;
        this.clock = clock;
    }

    /** The newsroom's front page. */
    public record DashboardPage(Layout layout, Staff staff, Listing<ArticleListing> articles, java.time.Instant now) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NewsroomArticleDao dao = database.dao(NewsroomArticleDao.class);
        var listing = Listing.of(request, "/newsroom", dao::count, dao::list);
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Staff staff = Staff.of(request).in("articles");
        pages.templates().send(response, "newsroom/dashboard.jte", new DashboardPage(
            pages.layout(t("newsroom.articlesTitle") + listing.get().pagination().titleSuffix(), listing.get().path(), null), staff,
            listing.get(), clock.instant()));
    }
}
