package dispatch.newsroom;

import dispatch.account.Accounts;
import dispatch.account.ReaderFilter;
import dispatch.account.User;
import dispatch.changes.ContentChanges;
import dispatch.web.Csrf;
import dispatch.web.Form;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Guards the newsroom. Every POST must carry the CSRF token. Without a valid session, a GET is
 * sent to the sign-in page (and back afterwards); a POST, which may be an editor's unsaved
 * article when their session has expired, is answered with the sign-in form carrying
 * everything they typed, so that signing in again loses nothing.
 */
public final class NewsroomFilter extends HttpFilter {
    private final Accounts accounts;
    private final NewsroomPages pages;
    private final ContentChanges changes;

    public NewsroomFilter(Accounts accounts, NewsroomPages pages, ContentChanges changes) {
        this.accounts = accounts;
        this.pages = pages;
        this.changes = changes;
    }

    // The newsroom speaks the interface language the staff member chose, like the rest of the
    // site: PreferencesFilter, which runs before this one, has set it from their preferences cookie.
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        // The newsroom is not for search engines.
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        String csrf = Csrf.token(request, response);
        boolean post = "POST".equals(request.getMethod());
        if (post && !Csrf.valid(request)) {
            pages.expiredForm(response, request.getRequestURI());
            return;
        }
        String path = request.getRequestURI();
        if (path.equals(SignInServlet.PATH)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = accounts.user(ReaderFilter.session(request).orElse(null));
        if (user.isEmpty()) {
            if (post) {
                pages.signInAgain(request, response, Form.from(request), path);
            } else {
                String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(SignInServlet.PATH + "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            }
            return;
        }
        if (!Permissions.allows(user.get(), Permissions.Action.ENTER_NEWSROOM)) {
            // A reader's account, signed in on the public site: the newsroom is not theirs.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.setAttribute(Staff.ATTRIBUTE, new Staff(user.get(), csrf, ""));
        try {
            chain.doFilter(request, response);
        } finally {
            if (post) {
                // Every change to what readers see (articles, corrections, images, staff, and so
                // on) is a signed-in POST here, so this one place tells the page cache. A POST
                // that changed nothing (a preview, a refused save) costs a few re-renders.
                changes.changed();
            }
        }
    }
}
