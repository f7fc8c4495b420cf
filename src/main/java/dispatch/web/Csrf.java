package dispatch.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Protection against cross-site request forgery, by the double-submit pattern: a random token
 * in an HttpOnly, SameSite=Strict cookie, repeated in a hidden field of every form. Another
 * site can make a browser send the cookie's request but cannot read or write the token, so it
 * cannot fill in the field. It works the same before and after sign-in.
 */
public final class Csrf {
    public static final String FIELD = "csrf";
    static final String COOKIE = "dispatch_csrf";
    private static final String ATTRIBUTE = Csrf.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token for this browser, setting the cookie when it has none yet. */
    public static String token(HttpServletRequest request, HttpServletResponse response) {
        // A page carrying this browser's token is personal: no browser history, proxy or CDN
        // may keep it.
        response.setHeader("Cache-Control", "private, no-store");
        Object made = request.getAttribute(ATTRIBUTE);
        if (made instanceof String s) {
            return s;
        }
        String token = cookie(request).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookies.set(request, response, COOKIE, fresh, -1, "Strict");
            return fresh;
        });
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** True when the form's token matches the cookie's. */
    public static boolean valid(HttpServletRequest request) {
        Optional<String> cookie = cookie(request);
        String field = request.getParameter(FIELD);
        return cookie.isPresent() && field != null && MessageDigest.isEqual(
            cookie.get().getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For a form handler's first line: answers 403 (the error page says the form could not be
     * accepted) and returns true when the token is missing or wrong.
     */
    public static boolean rejects(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        if (valid(request)) {
            return false;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return true;
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
            .filter(c -> c.getName().equals(COOKIE) && c.getValue().length() >= 32).map(Cookie::getValue).findFirst();
    }

    private Csrf() {}
}
