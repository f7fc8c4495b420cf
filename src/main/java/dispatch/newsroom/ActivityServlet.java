package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.activity.Activity;
import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import dispatch.web.Layout;
import dispatch.web.Listing;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** /newsroom/activity, for administrators: every change made in the newsroom, newest first. */
public final class ActivityServlet extends HttpServlet {
    private final NewsroomPages pages;
    private final Database database;

    public ActivityServlet(NewsroomPages pages, Database database) {
        this.pages = pages;
        this.database = database;
    }

    public record ActivityPage(Layout layout, Staff staff, Listing<Activity> entries) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("activity");
        if (!staff.may(Permissions.Action.VIEW_ACTIVITY)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        ActivityLog log = database.dao(ActivityLog.class);
        var listing = Listing.of(request, "/newsroom/activity", log::count, log::latest);
        if (listing.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.templates().send(response, "newsroom/activity.jte", new ActivityPage(
            pages.layout(t("newsroom.activityTitle") + listing.get().pagination().titleSuffix(), listing.get().path(), null),
            staff, listing.get()));
    }
}
