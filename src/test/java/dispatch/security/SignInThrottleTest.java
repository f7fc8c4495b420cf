package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sign-in forms' throttle, attacked as an outside tester did: guesses sent all at once,
 * guesses from one address against every account, forged client addresses, and passwords
 * bcrypt cannot take. Each test has a site of its own, so one test's failures from 127.0.0.1
 * do not count against another's.
 */
@Tag("postgresql")
class SignInThrottleTest {
    private static final String WRITER = "writer@meridian-east.example";
    private static final String EDITOR = "editor@meridian-east.example";

    /** Sends {@code count} wrong passwords for {@code email} to {@code form} at the same moment. */
    private static List<HttpResponse<String>> guessTogether(TestSite site, String form, String email, int count)
            throws Exception {
        List<Browsing> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Browsing browser = new Browsing(site);
            browser.csrf();  // fetched beforehand, so the posts themselves go out together
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Browsing browser = browsers.get(i);
                String guess = "wrong guess number " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.post(form, Map.of("email", email, "password", guess, "next", "/newsroom"));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> all = new ArrayList<>();
            for (var answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void twentyGuessesAtOnceLeaveTheRightPasswordRefused(String form) throws Exception {
        try (TestSite site = TestSite.demoWith(Map.of())) {
            List<HttpResponse<String>> answers = guessTogether(site, form, WRITER, 20);
            long refusedAsWrong = answers.stream().filter(r -> r.statusCode() == 200).count();
            long locked = answers.stream().filter(r -> r.statusCode() == 429).count();
            assertEquals(20, refusedAsWrong + locked, "every guess is refused, none fails");
            assertTrue(refusedAsWrong <= 4, "at most four guesses were checked and found wrong, not " + refusedAsWrong);
            HttpResponse<String> right = new Browsing(site).post(form, Map.of("email", WRITER,
                "password", site.password(WRITER), "next", "/newsroom"));
            assertEquals(429, right.statusCode(), "even the right password is refused now");
            assertTrue(right.headers().firstValue("Retry-After").isPresent());
            Document page = Jsoup.parse(right.body());
            assertTrue(page.title().startsWith("Error: "), page.title());
            assertTrue(page.selectFirst(".app-error-summary").text().contains("too many attempts"), page.text());
        }
    }

    @Test
    void twenty_wrong_guesses_sent_at_once_to_the_newsroom_lock_the_address_before_the_right_password_is_checked()
            throws Exception {
        twentyGuessesAtOnceLeaveTheRightPasswordRefused("/newsroom/sign-in");
    }

    @Test
    void twenty_wrong_guesses_sent_at_once_to_the_readers_form_lock_the_address_before_the_right_password_is_checked()
            throws Exception {
        twentyGuessesAtOnceLeaveTheRightPasswordRefused("/account/sign-in");
    }

    @Test
    void an_attacker_locked_out_at_one_address_does_not_lock_out_the_owner_at_another() {
        // Behind a trusted proxy, which says who the client is in X-Forwarded-For.
        try (TestSite site = TestSite.demoWith(Map.of("DISPATCH_TRUSTED_PROXIES", "127.0.0.1"))) {
            Browsing attacker = new Browsing(site).withHeader("X-Forwarded-For", "203.0.113.66");
            for (int i = 0; i < 6; i++) {
                attacker.signIn(EDITOR, "guess " + i);
            }
            assertEquals(429, attacker.signIn(EDITOR, site.password(EDITOR)).statusCode(), "the attacker is locked out");
            Browsing owner = new Browsing(site).withHeader("X-Forwarded-For", "198.51.100.7");
            assertEquals(303, owner.signIn(EDITOR, site.password(EDITOR)).statusCode(), "the owner is not");
        }
    }

    @Test
    void a_forged_x_forwarded_for_from_an_untrusted_client_does_not_make_a_new_client() {
        try (TestSite site = TestSite.demoWith(Map.of())) {
            for (int i = 0; i < 6; i++) {
                new Browsing(site).withHeader("X-Forwarded-For", "203.0.113." + i).signIn(EDITOR, "guess " + i);
            }
            HttpResponse<String> right = new Browsing(site).withHeader("X-Forwarded-For", "198.51.100.99")
                .signIn(EDITOR, site.password(EDITOR));
            assertEquals(429, right.statusCode(), "every guess came from 127.0.0.1, whatever the header said");
        }
    }

    @Test
    void an_over_long_password_is_a_wrong_password_at_both_forms_without_a_stack_trace() {
        try (TestSite site = TestSite.demoWith(Map.of())) {
            for (String form : List.of("/newsroom/sign-in", "/account/sign-in")) {
                for (String password : List.of("x".repeat(73), "ş".repeat(40), "y".repeat(5000))) {
                    HttpResponse<String> answer = new Browsing(site).post(form, Map.of("email", EDITOR, "password", password));
                    assertEquals(200, answer.statusCode(), form + " with " + password.length() + " characters");
                    Document page = Jsoup.parse(answer.body());
                    assertTrue(page.selectFirst(".app-error-summary").text().contains("is not right"), page.text());
                    assertFalse(answer.body().contains("Exception") || answer.body().contains("at dispatch."), answer.body());
                }
                site.database().jdbi().useHandle(h -> h.execute("DELETE FROM rate_limits"));
            }
        }
    }

    @Test
    void a_megabyte_password_is_refused_cheaply_with_a_client_error() {
        try (TestSite site = TestSite.demoWith(Map.of())) {
            for (String form : List.of("/newsroom/sign-in", "/account/sign-in")) {
                HttpResponse<String> answer = new Browsing(site).post(form, Map.of("email", EDITOR,
                    "password", "z".repeat(1024 * 1024)));
                assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, form + ": " + answer.statusCode());
                assertFalse(answer.body().contains("Exception") || answer.body().contains("at org.eclipse"), answer.body());
            }
        }
    }
}
