package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CSRF tokens are bound to the session: a token from before signing in, or from another
 * session, is refused on a signed-in reader's form; signing in itself still works and gives the
 * browser a new secret; over HTTPS the secret's cookie and the session's carry the __Host- prefix,
 * and a session cookie of the plain name is not a session there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class AccountCsrfTest {
    private static final String EMAIL = "csrf.reader@example.org";
    private static final String PASSWORD = "a reader's long password";
    private TestSite site;

    @BeforeAll
    void start() {
        // The test's requests come straight from 127.0.0.1, which is also the trusted proxy that
        // says, in X-Forwarded-Proto, when the site is reached over HTTPS.
        site = TestSite.demoWith(Map.of("DISPATCH_TRUSTED_PROXIES", "127.0.0.1"));
        Accounts accounts = new Accounts(site.database(), Clock.systemUTC(), d -> { });
        new ReaderAccounts(site.database(), accounts, Clock.systemUTC()).register(EMAIL, "Csrf Reader", PASSWORD);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private static Browsing signedIn(Browsing browser) {
        assertEquals(303, browser.post("/account/sign-in", Map.of("email", EMAIL, "password", PASSWORD)).statusCode());
        return browser;
    }

    private static HttpResponse<String> savePreferences(Browsing browser, String token) {
        // The given token comes first, so it is the one read.
        return browser.post("/preferences", List.of(Map.entry("csrf", token), Map.entry("theme", "dark")));
    }

    @Test
    void a_token_from_before_signing_in_is_refused_once_signed_in_and_signing_in_gives_a_new_secret() {
        Browsing browser = new Browsing(site);
        String before = browser.csrf();
        String secretBefore = browser.cookie("dispatch_csrf").orElseThrow();
        signedIn(browser);
        assertNotEquals(secretBefore, browser.cookie("dispatch_csrf").orElseThrow(), "signing in rotates the secret");
        assertEquals(403, savePreferences(browser, before).statusCode());
        assertEquals(303, savePreferences(browser, browser.csrf()).statusCode(), "the page's own token works");
    }

    @Test
    void a_token_from_another_session_of_the_same_reader_is_refused() {
        Browsing phone = signedIn(new Browsing(site));
        Browsing laptop = signedIn(new Browsing(site));
        assertEquals(403, savePreferences(laptop, phone.csrf()).statusCode());
        assertEquals(303, savePreferences(phone, phone.csrf()).statusCode());
    }

    @Test
    void a_token_from_a_session_that_ended_is_refused_after_signing_in_again() {
        Browsing browser = signedIn(new Browsing(site));
        String old = browser.csrf();
        browser.forget("dispatch_session");
        signedIn(browser);
        assertEquals(403, savePreferences(browser, old).statusCode());
    }

    @Test
    void an_editor_whose_session_cookie_expired_with_the_page_open_is_offered_to_sign_in_again_not_refused() {
        Browsing editor = new Browsing(site);
        assertEquals(303, editor.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example"))
            .statusCode());
        String token = editor.page("/newsroom/articles/new").selectFirst("input[name=csrf]").val();
        editor.forget("dispatch_session");  // the browser drops the cookie when its twelve hours are up
        HttpResponse<String> saved = editor.post("/newsroom/articles/new", List.of(Map.entry("csrf", token),
            Map.entry("headline", "Typed before the session ended")));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("Typed before the session ended"), "what was typed is carried to the sign-in form");
        HttpResponse<String> forged = editor.post("/newsroom/articles/new", List.of(Map.entry("csrf", "." + token),
            Map.entry("headline", "Forged")));
        assertEquals(403, forged.statusCode(), "a token this browser's secret did not make is still refused");
    }

    @Test
    void over_https_the_secret_s_cookie_is_host_prefixed_and_secure() {
        Browsing browser = new Browsing(site).withHeader("X-Forwarded-Proto", "https");
        HttpResponse<String> form = browser.get("/account/sign-in");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("dispatch_csrf="))
            .findFirst().orElseThrow();
        assertTrue(cookie.startsWith("__Host-dispatch_csrf="), cookie);
        assertTrue(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), cookie);
        Browsing plain = new Browsing(site);
        String plainCookie = plain.get("/account/sign-in").headers().allValues("Set-Cookie").stream()
            .filter(c -> c.contains("dispatch_csrf=")).findFirst().orElseThrow();
        assertTrue(plainCookie.startsWith("dispatch_csrf="), plainCookie);
        assertFalse(plainCookie.contains("Secure"), plainCookie);
    }

    /** A request written by hand: a browser's cookies, as named, over the scheme the headers say. */
    private HttpResponse<String> send(String method, String path, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
            .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String setCookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().allValues("Set-Cookie")));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1).split(";")[0];
    }

    /** Signs in through the form at {@code formPath}, over HTTPS when {@code https}; returns the answer to the POST. */
    private HttpResponse<String> signInThrough(String formPath, String email, String password, String next, boolean https) {
        String[] scheme = https ? new String[] {"X-Forwarded-Proto", "https"} : new String[0];
        HttpResponse<String> page = send("GET", formPath, null, scheme);
        String secret = setCookie(page, https ? "__Host-dispatch_csrf" : "dispatch_csrf");
        String token = org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=csrf]").val();
        String form = "email=" + enc(email) + "&password=" + enc(password) + "&next=" + enc(next) + "&csrf=" + enc(token);
        List<String> headers = new java.util.ArrayList<>(List.of(scheme));
        headers.addAll(List.of("Cookie", secret.split(";")[0]));
        return send("POST", formPath, form, headers.toArray(String[]::new));
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void over_https_the_session_cookie_is_host_prefixed_and_secure_and_works_and_the_plain_name_is_refused() {
        HttpResponse<String> signIn = signInThrough("/account/sign-in", EMAIL, PASSWORD, "/account", true);
        assertEquals(303, signIn.statusCode());
        String cookie = setCookie(signIn, "__Host-dispatch_session");
        assertTrue(cookie.contains("; Path=/") && cookie.contains("; Secure") && cookie.contains("; HttpOnly")
            && !cookie.contains("Domain"), cookie);
        assertTrue(signIn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("dispatch_session=")),
            "no session under the plain name over HTTPS");
        String session = value(cookie);

        HttpResponse<String> account = send("GET", "/account", null, "X-Forwarded-Proto", "https",
            "Cookie", "__Host-dispatch_session=" + session);
        assertEquals(200, account.statusCode(), "the session works over HTTPS");
        assertTrue(account.body().contains("Csrf Reader"), "signed in as the reader");
        assertEquals(302, send("GET", "/account", null, "X-Forwarded-Proto", "https",
            "Cookie", "dispatch_session=" + session).statusCode(), "the plain name is not a session over HTTPS");
        assertEquals(302, send("GET", "/account", null, "Cookie", "__Host-dispatch_session=" + session).statusCode(),
            "nor the __Host- name over plain HTTP");
        // A session cookie of the other scheme's name is no session, and what is sent for it is never kept;
        // a signed-in reader's page is kept for signed-in readers (it names no one), never by others.
        HttpResponse<String> plain = send("GET", "/", null, "X-Forwarded-Proto", "https", "Cookie", "dispatch_session=" + session);
        assertTrue(plain.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
            "the plain name over HTTPS: never kept");
        HttpResponse<String> signedIn = send("GET", "/", null, "X-Forwarded-Proto", "https",
            "Cookie", "__Host-dispatch_session=" + session);
        assertTrue(signedIn.headers().firstValue("Cache-Control").orElse("").startsWith("private"),
            "a signed-in reader's page is never for shared caches");
        assertTrue(signedIn.body().contains("href=\"/account\""), "and offers their account");

        // Signing out over HTTPS ends the session and deletes the __Host- cookie.
        String secret = setCookie(signIn, "__Host-dispatch_csrf").split(";")[0];
        HttpResponse<String> page = send("GET", "/account", null, "X-Forwarded-Proto", "https",
            "Cookie", secret + "; __Host-dispatch_session=" + session);
        String token = org.jsoup.Jsoup.parse(page.body()).selectFirst("form[action=/account/sign-out] input[name=csrf]").val();
        HttpResponse<String> out = send("POST", "/account/sign-out", "csrf=" + enc(token), "X-Forwarded-Proto", "https",
            "Cookie", secret + "; __Host-dispatch_session=" + session);
        assertEquals(303, out.statusCode());
        String deleted = setCookie(out, "__Host-dispatch_session");
        assertTrue(deleted.startsWith("__Host-dispatch_session=;") && deleted.contains("Expires=Thu, 01 Jan 1970"), deleted);
        assertEquals(302, send("GET", "/account", null, "X-Forwarded-Proto", "https",
            "Cookie", "__Host-dispatch_session=" + session).statusCode(), "the session has ended");
    }

    @Test
    void staff_signing_in_over_https_get_the_host_prefixed_session_and_plain_http_is_as_before() {
        String email = "editor@meridian-east.example";
        HttpResponse<String> https = signInThrough("/newsroom/sign-in", email, site.password(email), "/newsroom", true);
        assertEquals(303, https.statusCode());
        String cookie = setCookie(https, "__Host-dispatch_session");
        assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("; Path=/"), cookie);
        assertEquals(200, send("GET", "/newsroom", null, "X-Forwarded-Proto", "https",
            "Cookie", "__Host-dispatch_session=" + value(cookie)).statusCode());
        assertTrue(send("GET", "/newsroom", null, "X-Forwarded-Proto", "https",
            "Cookie", "dispatch_session=" + value(cookie)).statusCode() / 100 == 3, "the plain name is refused over HTTPS");

        HttpResponse<String> http = signInThrough("/newsroom/sign-in", email, site.password(email), "/newsroom", false);
        assertEquals(303, http.statusCode());
        String plain = setCookie(http, "dispatch_session");
        assertFalse(plain.contains("Secure"), plain);
        assertTrue(http.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("__Host-")), plain);
        assertEquals(200, send("GET", "/newsroom", null, "Cookie", "dispatch_session=" + value(plain)).statusCode());
    }
}
