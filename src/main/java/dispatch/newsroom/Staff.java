package dispatch.newsroom;

import dispatch.account.User;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is using the newsroom on this request, and the CSRF token their forms carry. Set by
 * {@link NewsroomFilter}; every newsroom page record holds one for the header.
 *
 * @param current the newsroom area the page belongs to, marked in the navigation
 */
public record Staff(User user, String csrf, String current) {
    static final String ATTRIBUTE = Staff.class.getName();

    static Staff of(HttpServletRequest request) {
        return (Staff) request.getAttribute(ATTRIBUTE);
    }

    public Staff in(String area) {
        return new Staff(user, csrf, area);
    }

    /** Whether they may take the action: {@link Permissions} decides, here as everywhere. */
    public boolean may(Permissions.Action action) {
        return Permissions.allows(user, action);
    }

    public String ariaCurrent(String area) {
        return area.equals(current) ? "page" : null;
    }
}
