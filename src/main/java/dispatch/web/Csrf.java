package dispatch.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protection against cross-site request forgery. Each browser gets a random secret in an
 * HttpOnly, SameSite=Strict cookie; every form carries a token made from that secret and the
 * browser's session cookie (an HMAC of the session under the secret). Another site can make a
 * browser send the cookies but cannot read them, so it cannot make the token.
 *
 * <p>Binding the token to the session means a token from another session, or from before
 * signing in, does not fit a signed-in reader's forms; signing in also gives the browser a new
 * secret ({@link #rotate}). Over HTTPS the cookie is named with the {@code __Host-} prefix, so
 * the browser keeps it only if it is Secure, for the whole site and set by this host itself: a
 * neighbouring subdomain cannot plant a secret of its own choosing.
 */
public final class Csrf {
    public static final String FIELD = "csrf";
    static final String COOKIE = "dispatch_csrf";
    static final String SECURE_COOKIE = "__Host-dispatch_csrf";
    private static final String ATTRIBUTE = Csrf.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token for this browser's forms, setting the secret's cookie when it has none yet. */
    public static String token(HttpServletRequest request, HttpServletResponse response) {
        // A page carrying this browser's token is personal: no browser history, proxy or CDN
        // may keep it.
        response.setHeader("Cache-Control", "private, no-store");
        Object made = request.getAttribute(ATTRIBUTE);
        if (made instanceof String s) {
            return s;
        }
        String secret = secret(request).orElseGet(() -> newSecret(request, response));
        String token = token(secret, session(request));
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /**
     * At sign-in: a new secret, and forms on the rest of this answer get the token for the new
     * session; the tokens of pages shown before signing in stop working.
     */
    public static void rotate(HttpServletRequest request, HttpServletResponse response, String sessionToken) {
        request.setAttribute(ATTRIBUTE, token(newSecret(request, response), sessionToken));
    }

    /** True when the form's token fits this browser's secret and session. */
    public static boolean valid(HttpServletRequest request) {
        Optional<String> secret = secret(request);
        String field = request.getParameter(FIELD);
        return secret.isPresent() && field != null && MessageDigest.isEqual(
            token(secret.get(), session(request)).getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
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

    private static String newSecret(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookies.set(request, response, cookieName(request), fresh, -1, "Strict");
        return fresh;
    }

    private static String token(String secret, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("session:" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie's value, empty when signed out: what the token is bound to. */
    private static String session(HttpServletRequest request) {
        return Cookies.get(request, dispatch.account.ReaderFilter.SESSION_COOKIE).orElse("");
    }

    private static String cookieName(HttpServletRequest request) {
        return request.isSecure() ? SECURE_COOKIE : COOKIE;
    }

    private static Optional<String> secret(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        String name = cookieName(request);
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
            .filter(c -> c.getName().equals(name) && c.getValue().length() >= 32).map(Cookie::getValue).findFirst();
    }

    private Csrf() {}
}
