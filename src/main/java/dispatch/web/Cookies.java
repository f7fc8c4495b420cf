package dispatch.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/** Cookies as Dispatch sets them: HttpOnly, SameSite, and Secure whenever the request came over HTTPS. */
public final class Cookies {

    /** @param maxAge seconds; -1 for a cookie that ends with the browser session, 0 to delete */
    public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                           int maxAge, String sameSite) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        // isSecure() is true behind a TLS-terminating proxy too: the server reads X-Forwarded-Proto.
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", sameSite);
        response.addCookie(cookie);
    }

    /**
     * The same cookie as {@link #set} makes, as a Set-Cookie header, for code in front of the
     * servlets (a variation of the page cache giving a reader their own cookie with a kept page).
     */
    public static org.eclipse.jetty.http.HttpField header(String name, String value, int maxAge, String sameSite,
                                                          boolean secure) {
        org.eclipse.jetty.http.HttpCookie cookie = org.eclipse.jetty.http.HttpCookie.build(name, value)
            .path("/").httpOnly(true).secure(secure).maxAge(maxAge)
            .sameSite(org.eclipse.jetty.http.HttpCookie.SameSite.from(sameSite)).build();
        return new org.eclipse.jetty.server.HttpCookieUtils.SetCookieHttpField(cookie,
            org.eclipse.jetty.http.CookieCompliance.RFC6265);
    }

    public static Optional<String> get(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
            : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    private Cookies() {}
}
