package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
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
 * browser a new secret; over HTTPS the secret's cookie carries the __Host- prefix.
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
}
