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
 * browser's session: which session it is for (a hash of the session cookie, empty when signed
 * out), then an HMAC of that under the secret. Another site can make a browser send the
 * cookies but cannot read them, so it cannot make the token.
 *
 * <p>A request that carries a session cookie needs a token for that very session: a token from
 * another session, or from before signing in, does not fit; signing in also gives the browser a
 * new secret ({@link #rotate}). A request without one (the session cookie expired or was
 * cleared while a page was open) needs only a token this browser's secret made: it can do
 * nothing that needs signing in, and the newsroom can still offer to sign in again without
 * losing what was typed. Over HTTPS the cookie is named with the {@code __Host-} prefix, so
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
        String token = token(secret, binding(session(request)));
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /**
     * At sign-in: a new secret, and forms on the rest of this answer get the token for the new
     * session; the tokens of pages shown before signing in stop working.
     */
    public static void rotate(HttpServletRequest request, HttpServletResponse response, String sessionToken) {
        request.setAttribute(ATTRIBUTE, token(newSecret(request, response), binding(sessionToken)));
    }

    /** True when the form's token was made with this browser's secret, for the session the request carries if any. */
    public static boolean valid(HttpServletRequest request) {
        Optional<String> secret = secret(request);
        String field = request.getParameter(FIELD);
        int dot = field == null ? -1 : field.indexOf('.');
        if (secret.isEmpty() || dot < 0) {
            return false;
        }
        String bound = field.substring(0, dot);
        String session = session(request);
        boolean made = MessageDigest.isEqual(token(secret.get(), bound).getBytes(StandardCharsets.UTF_8),
            field.getBytes(StandardCharsets.UTF_8));
        return made && (session.isEmpty() || bound.equals(binding(session)));
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

    /** The token for the session named by {@code binding}: the binding, a dot, and its HMAC under the secret. */
    private static String token(String secret, String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return binding + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("session:" + binding).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Which session a token is for: part of the SHA-256 of the session cookie (not the cookie,
     * which must never appear in a page), or empty when there is none.
     */
    private static String binding(String session) {
        if (session.isEmpty()) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie's value, empty when signed out: what the token is bound to. */
    private static String session(HttpServletRequest request) {
        return dispatch.account.ReaderFilter.session(request).orElse("");
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
