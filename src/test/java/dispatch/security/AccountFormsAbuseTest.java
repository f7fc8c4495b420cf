package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.account.Accounts;
import dispatch.account.ReaderAccounts;
import dispatch.support.Browsing;
import dispatch.support.MailBox;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public forms that cost a bcrypt run, send mail or store what is sent, attacked as an
 * outside tester did: sent over and over from one client, or for one address, and with fields
 * of tens of kilobytes. Over a limit the answer is 429 with Retry-After and a page saying when
 * to try again, and nothing is stored or sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class AccountFormsAbuseTest {
    private TestSite site;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
    }

    @AfterAll
    void stop() {
        site.close();
    }

    /** Every test starts with no uses counted: all the requests here come from 127.0.0.1. */
    @BeforeEach
    void forgetCounts() {
        site.database().jdbi().useHandle(h -> h.execute("DELETE FROM rate_limits"));
    }

    private int count(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void assertTooMany(HttpResponse<String> answer) {
        assertEquals(429, answer.statusCode(), answer.body());
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        Document page = Jsoup.parse(answer.body());
        assertEquals("Too many attempts", page.selectFirst("h1").text());
        assertTrue(page.title().startsWith("Too many attempts"), page.title());
        assertTrue(page.selectFirst("main").text().contains("Nothing from your last attempt was kept or sent"));
        assertTrue(page.selectFirst("main").text().matches(".*try again after \\d\\d:\\d\\d UTC \\(in about \\d+ minutes\\).*"),
            page.selectFirst("main").text());
    }

    private HttpResponse<String> register(Browsing browser, String name, String email) {
        return browser.post("/account/register", Map.of("name", name, "email", email, "password", "a long enough password"));
    }

    @Test
    void registering_more_than_ten_times_an_hour_from_one_client_answers_429_and_stores_and_sends_nothing() {
        Browsing bot = new Browsing(site);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, register(bot, "Bot " + i, "bot" + i + "@example.org").statusCode());
        }
        assertTooMany(register(bot, "Bot 10", "bot10@example.org"));
        assertEquals(0, count("SELECT COUNT(*) FROM users WHERE email = 'bot10@example.org'"));
        assertEquals(0, MailBox.to(site, "bot10@example.org").size());
    }

    @Test
    void a_taken_address_gets_the_same_page_as_a_new_one_and_its_owner_a_mail_instead() {
        register(new Browsing(site), "Hale First", "hale@example.org");
        HttpResponse<String> taken = register(new Browsing(site), "Someone Else", "hale@example.org");
        HttpResponse<String> fresh = register(new Browsing(site), "Someone Else", "nour@example.org");
        assertEquals(fresh.statusCode(), taken.statusCode());
        assertEquals(Jsoup.parse(fresh.body()).selectFirst("main").text().replace("nour", "hale"),
            Jsoup.parse(taken.body()).selectFirst("main").text());
        assertEquals(1, count("SELECT COUNT(*) FROM users WHERE email = 'hale@example.org'"));
        var mails = MailBox.to(site, "hale@example.org");
        assertEquals(2, mails.size(), "the confirmation, then the note that someone tried again");
        assertTrue(MailBox.text(mails.get(1)).contains("You already have one"), MailBox.text(mails.get(1)));
    }

    @Test
    void reset_links_for_one_address_are_limited_whoever_asks_and_no_more_mail_goes_out() throws Exception {
        Accounts accounts = new Accounts(site.database(), Clock.systemUTC(), d -> { });
        new ReaderAccounts(site.database(), accounts, Clock.systemUTC()).register("reem@example.org", "Reem", "reem's password");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, new Browsing(site).post("/account/forgot-password", Map.of("email", "reem@example.org")).statusCode());
        }
        assertTooMany(new Browsing(site).post("/account/forgot-password", Map.of("email", "reem@example.org")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (MailBox.to(site, "reem@example.org").size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(3, MailBox.to(site, "reem@example.org").size(), "three links, and none for the refused request");
    }

    @Test
    void asking_for_reset_links_for_many_addresses_from_one_client_is_limited() {
        Browsing bot = new Browsing(site);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, bot.post("/account/forgot-password", Map.of("email", "someone" + i + "@example.org")).statusCode());
        }
        assertTooMany(bot.post("/account/forgot-password", Map.of("email", "someone10@example.org")));
    }

    @Test
    void newsletter_sign_ups_are_limited_per_client_and_per_address_and_a_refused_one_is_not_stored() {
        Browsing bot = new Browsing(site);
        for (int i = 0; i < 10; i++) {
            assertEquals(303, bot.post("/newsletters/subscribe", Map.of("newsletter", "daily-briefing",
                "email-daily-briefing", "list" + i + "@example.org")).statusCode());
        }
        assertTooMany(bot.post("/newsletters/subscribe", Map.of("newsletter", "daily-briefing",
            "email-daily-briefing", "list10@example.org")));
        assertEquals(0, count("SELECT COUNT(*) FROM newsletter_subscriptions WHERE email = 'list10@example.org'"));
        assertEquals(0, MailBox.to(site, "list10@example.org").size());

        forgetCounts();
        for (int i = 0; i < 5; i++) {
            new Browsing(site).post("/newsletters/subscribe", Map.of("newsletter", i % 2 == 0 ? "daily-briefing" : "weekly-memo",
                "email-" + (i % 2 == 0 ? "daily-briefing" : "weekly-memo"), "target@example.org"));
        }
        assertTooMany(new Browsing(site).post("/newsletters/subscribe", Map.of("newsletter", "weekly-memo",
            "email-weekly-memo", "target@example.org")));
    }

    @Test
    void reports_of_a_problem_are_limited_per_client_and_a_refused_one_is_not_stored() {
        int before = count("SELECT COUNT(*) FROM problem_reports");
        Browsing bot = new Browsing(site);
        String nearlyTheLimit = "The page does not work with my screen reader. ".repeat(90).substring(0, 3990);
        for (int i = 0; i < 5; i++) {
            assertEquals(303, bot.post("/accessibility/report", Map.of("problem", nearlyTheLimit, "page", "/".repeat(1990),
                "email", "")).statusCode());
        }
        assertTooMany(bot.post("/accessibility/report", Map.of("problem", nearlyTheLimit, "page", "", "email", "")));
        assertEquals(before + 5, count("SELECT COUNT(*) FROM problem_reports"));
    }

    @Test
    void a_fifty_kilobyte_name_is_refused_with_an_error_that_says_the_limit_and_keeps_what_was_typed() {
        String name = "N".repeat(50_000);
        HttpResponse<String> answer = register(new Browsing(site), name, "long.name@example.org");
        assertEquals(422, answer.statusCode());
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertEquals("Enter a name of 100 characters or fewer",
            page.selectFirst(".app-error-summary a[href=#name]").text());
        assertEquals(name, page.selectFirst("#name").val());
        assertTrue(page.selectFirst("#name").attr("aria-describedby").contains("name-error"));
        assertEquals(0, count("SELECT COUNT(*) FROM users WHERE email = 'long.name@example.org'"));
        assertEquals(0, MailBox.to(site, "long.name@example.org").size());
    }

    @Test
    void a_new_member_of_staff_with_an_over_long_name_or_password_gets_errors_not_a_failure() {
        Browsing admin = new Browsing(site);
        assertEquals(303, admin.signIn("admin@meridian-east.example", site.password("admin@meridian-east.example")).statusCode());
        HttpResponse<String> answer = admin.post("/newsroom/staff", Map.of("name", "S".repeat(5000),
            "email", "s".repeat(330) + "@example.org", "role", "contributor", "password", "q".repeat(80)));
        Document page = Jsoup.parse(answer.body());
        assertTrue(answer.statusCode() < 500, "status " + answer.statusCode());
        String summary = page.selectFirst(".app-error-summary").text();
        assertTrue(summary.contains("name of 100 characters or fewer") && summary.contains("320 characters or fewer")
            && summary.contains("at most 72"), summary);
    }

    @Test
    void over_long_addresses_are_refused_with_their_own_error_on_every_reader_form() {
        String address = "a".repeat(320) + "@example.org";
        Document registered = Jsoup.parse(register(new Browsing(site), "Long Address", address).body());
        assertEquals("Enter an email address of 320 characters or fewer", registered.selectFirst(".app-error-summary a").text());
        Document forgot = Jsoup.parse(new Browsing(site).post("/account/forgot-password", Map.of("email", address)).body());
        assertEquals("Enter an email address of 320 characters or fewer", forgot.selectFirst(".app-error-summary a").text());
        HttpResponse<String> newsletter = new Browsing(site).post("/newsletters/subscribe", Map.of("newsletter", "weekly-memo",
            "email-weekly-memo", address));
        assertEquals(422, newsletter.statusCode());
        assertTrue(Jsoup.parse(newsletter.body()).selectFirst(".app-error-summary").text().contains("320 characters or fewer"));
        HttpResponse<String> report = new Browsing(site).post("/accessibility/report", Map.of("problem", "A problem.",
            "page", "", "email", address));
        assertEquals(422, report.statusCode());
        Document reportPage = Jsoup.parse(report.body());
        assertEquals(address, reportPage.selectFirst("#email").val(), "what was typed is kept");
        assertNotNull(reportPage.selectFirst(".app-error-summary a[href=#email]"));
    }

    @Test
    void a_new_password_longer_than_bcrypt_reads_is_refused_with_an_error_rather_than_cut() {
        HttpResponse<String> answer = new Browsing(site).post("/account/register", Map.of("name", "Long Password",
            "email", "long.password@example.org", "password", "p".repeat(73)));
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.selectFirst(".app-error-summary a[href=#password]").text().contains("at most 72"));
        assertFalse(answer.body().contains("p".repeat(73)), "the password is never sent back");
        assertEquals(0, count("SELECT COUNT(*) FROM users WHERE email = 'long.password@example.org'"));
    }
}
