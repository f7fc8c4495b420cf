package dispatch.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dispatch.support.Browsing;
import dispatch.support.MailBox;
import dispatch.support.SmtpServer;
import dispatch.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A reader's account from start to end, over HTTP, with the site sending its mail to a real SMTP
 * server (GreenMail) running inside the test: register, confirm the address from the e-mail,
 * reset a forgotten password, change address and password, download the data, delete it all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class ReaderAccountFlowTest {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private SmtpServer smtp;
    private TestSite site;

    @BeforeAll
    void start() {
        smtp = new SmtpServer();
        site = TestSite.demoWith(smtp.settings("Meridian East <members@meridian-east.example>"));
    }

    @AfterAll
    void stop() {
        site.close();
        smtp.close();
    }

    private String linkIn(MimeMessage message) throws Exception {
        Matcher m = LINK.matcher(MailBox.text(message));
        assertTrue(m.find());
        return m.group().substring(site.url("").length());
    }

    /** Registered through the form and confirmed from the mailed link, which signs the reader in. */
    private Browsing registered(String email, String password) throws Exception {
        Browsing reader = new Browsing(site);
        var answer = reader.post("/account/register", Map.of("name", "Reader " + email, "email", email, "password", password));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("/account?verified", MailBox.confirm(site, reader, smtp.latestTo(email)));
        return reader;
    }

    @Test
    void registering_sends_an_accessible_confirmation_mail_whose_link_confirms_the_address_and_signs_in() throws Exception {
        Browsing reader = new Browsing(site);
        Document sent = Jsoup.parse(reader.post("/account/register", Map.of("name", "Reader leila@example.org",
            "email", "leila@example.org", "password", "correct horse battery")).body());
        assertEquals("Check your email", sent.selectFirst("h1").text());
        assertTrue(sent.text().contains("We have sent an email to leila@example.org"), sent.text());
        assertEquals(302, reader.get("/account").statusCode(), "not signed in before the address is confirmed");

        MimeMessage mail = smtp.latestTo("leila@example.org");
        assertEquals("Confirm your email address for Meridian East", mail.getSubject());
        assertEquals("Meridian East <members@meridian-east.example>", mail.getFrom()[0].toString());
        String text = MailBox.text(mail);
        assertTrue(text.contains("Hello Reader leila@example.org,"), text);
        Document html = Jsoup.parse(MailBox.html(mail));
        assertEquals("en", html.selectFirst("html").attr("lang"));
        assertEquals(1, html.select("h1").size());
        assertTrue(html.select("img").isEmpty(), "readable without images");
        assertEquals(linkIn(mail), html.selectFirst("a").attr("href").substring(site.url("").length()));

        String link = linkIn(mail);
        Document confirm = reader.page(link);
        assertTrue(confirm.text().contains("Confirm that leila@example.org is your email address"));
        var confirmed = reader.post("/account/verify", Map.of("token", confirm.selectFirst("input[name=token]").val()));
        assertEquals("/account?verified", confirmed.headers().firstValue("Location").orElseThrow());
        assertEquals(200, reader.get("/account").statusCode(), "confirming signed the reader in");
        assertTrue(reader.page("/account").text().contains("Your address leila@example.org is confirmed"));
        assertEquals(410, reader.get(link).statusCode(), "a link works once");
    }

    @Test
    void a_forgotten_password_is_reset_from_the_mailed_link_once_and_signs_out_everywhere() throws Exception {
        Browsing first = registered("omid@example.org", "first password here");
        Browsing stranger = new Browsing(site);
        Document asked = Jsoup.parse(stranger.post("/account/forgot-password", Map.of("email", "omid@example.org")).body());
        assertTrue(asked.selectFirst(".app-notice").text().contains("If an account uses omid@example.org"));
        Document unknown = Jsoup.parse(stranger.post("/account/forgot-password", Map.of("email", "nobody@example.org")).body());
        assertEquals(asked.selectFirst(".app-notice").text().replace("omid", "nobody"), unknown.selectFirst(".app-notice").text(),
            "the same answer whether or not there is an account");
        assertEquals(0, smtp.to("nobody@example.org").size());

        // The link is made and sent after the answer, so that known and unknown addresses answer alike.
        MimeMessage mail = smtp.latestTo("omid@example.org", "Set a new password for Meridian East");
        String link = linkIn(mail);
        Document form = stranger.page(link);
        assertNotNull(form.selectFirst("input#password[autocomplete=new-password]"));
        String token = form.selectFirst("input[name=token]").val();
        Document tooShort = Jsoup.parse(stranger.post("/account/reset-password", Map.of("token", token, "password", "short")).body());
        assertTrue(tooShort.title().startsWith("Error: "));
        assertNotNull(tooShort.selectFirst(".app-error-summary a[href=#password]"));
        var reset = stranger.post("/account/reset-password", Map.of("token", token, "password", "second password here"));
        assertEquals("/account?password-reset", reset.headers().firstValue("Location").orElseThrow());
        assertTrue(stranger.page("/account").text().contains("Reader omid@example.org"));
        assertEquals(302, first.get("/account").statusCode(), "the old session has ended");
        assertEquals(410, stranger.get(link).statusCode());

        Browsing again = new Browsing(site);
        assertEquals(200, again.post("/account/sign-in", Map.of("email", "omid@example.org", "password", "first password here"))
            .statusCode(), "the old password is refused");
        assertEquals(303, again.post("/account/sign-in", Map.of("email", "omid@example.org", "password", "second password here"))
            .statusCode());
    }

    @Test
    void a_new_address_is_used_only_once_confirmed_from_a_link_sent_to_it() throws Exception {
        Browsing reader = registered("tamar@example.org", "tamar's password");
        Document wrong = Jsoup.parse(reader.post("/account/email", Map.of("new-email", "tamar@new.example",
            "email-password", "not the password")).body());
        assertNotNull(wrong.selectFirst(".app-error-summary a[href=#email-password]"));
        assertEquals("tamar@new.example", wrong.selectFirst("#new-email").val(), "what was typed is kept");
        Document sent = Jsoup.parse(reader.post("/account/email", Map.of("new-email", "tamar@new.example",
            "email-password", "tamar's password")).body());
        assertTrue(sent.selectFirst(".app-notice").text().contains("tamar@new.example"));
        MimeMessage mail = smtp.latestTo("tamar@new.example");
        Document confirm = reader.page(linkIn(mail));
        var changed = reader.post("/account/confirm-email", Map.of("token", confirm.selectFirst("input[name=token]").val()));
        assertEquals("/account?email-changed", changed.headers().firstValue("Location").orElseThrow());
        assertTrue(reader.page("/account").text().contains("tamar@new.example"));
        assertEquals(303, new Browsing(site).post("/account/sign-in", Map.of("email", "tamar@new.example",
            "password", "tamar's password")).statusCode());
    }

    @Test
    void the_reader_downloads_their_data_and_deletes_their_account() throws Exception {
        Browsing reader = registered("sevda@example.org", "sevda's long password");
        assertEquals(303, reader.post("/account/newsletters", Map.of("newsletter", "weekly-memo", "action", "subscribe"))
            .statusCode());
        var data = reader.get("/account/data");
        assertEquals(200, data.statusCode());
        assertTrue(data.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        var json = new ObjectMapper().readTree(data.body());
        assertEquals("sevda@example.org", json.get("account").get("email").asText());
        assertFalse(data.body().contains("password"), "no password hash in the export");
        var newsletter = json.get("newsletters").get(0);
        assertEquals("The Weekly Memo", newsletter.get("newsletterName").asText());
        assertEquals("confirmed", newsletter.get("status").asText(), "the account's address is confirmed already");

        Document refused = Jsoup.parse(reader.post("/account/delete", Map.of("password", "wrong")).body());
        assertNotNull(refused.selectFirst(".app-error-summary"));
        var deleted = reader.post("/account/delete", Map.of("password", "sevda's long password"));
        assertEquals("/account/delete?deleted", deleted.headers().firstValue("Location").orElseThrow());
        assertEquals(0, (int) site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM users WHERE email = 'sevda@example.org'").mapTo(Integer.class).one()));
        assertEquals(0, (int) site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM newsletter_subscriptions WHERE email = 'sevda@example.org'").mapTo(Integer.class).one()),
            "the newsletters forget the address too");
        assertEquals(200, new Browsing(site).post("/account/sign-in", Map.of("email", "sevda@example.org",
            "password", "sevda's long password")).statusCode(), "signing in is refused");
    }

    @Test
    void registering_again_with_a_taken_address_answers_as_for_a_new_one_and_mails_the_owner_instead() throws Exception {
        registered("karim@example.org", "karim's password");
        Browsing other = new Browsing(site);
        var taken = other.post("/account/register", Map.of("name", "Karim Again", "email", "karim@example.org",
            "password", "another password"));
        var fresh = other.post("/account/register", Map.of("name", "Kamal New", "email", "kamal@example.org",
            "password", "another password"));
        assertEquals(fresh.statusCode(), taken.statusCode());
        assertEquals(Jsoup.parse(fresh.body()).selectFirst("main").text().replace("kamal", "karim"),
            Jsoup.parse(taken.body()).selectFirst("main").text(), "the same page whether or not the address has an account");
        MimeMessage told = smtp.latestTo("karim@example.org");
        assertEquals("Someone tried to create an account with your address at Meridian East", told.getSubject());
        assertTrue(MailBox.text(told).contains("/account/sign-in"), MailBox.text(told));
        assertEquals(303, new Browsing(site).post("/account/sign-in", Map.of("email", "karim@example.org",
            "password", "karim's password")).statusCode(), "the account and its password are unchanged");
    }

    @Test
    void reading_preferences_chosen_while_signed_in_follow_the_reader_to_another_device() throws Exception {
        Browsing phone = registered("deniz@example.org", "deniz's password");
        assertEquals(303, phone.post("/preferences", Map.of("size", "large", "theme", "dark", "language", "tr")).statusCode());
        Browsing laptop = new Browsing(site);
        assertEquals(303, laptop.post("/account/sign-in", Map.of("email", "deniz@example.org",
            "password", "deniz's password")).statusCode());
        Document page = laptop.page("/");
        assertEquals("tr", page.selectFirst("html").attr("lang"));
        assertTrue(page.selectFirst("html").hasClass("app-theme-dark"));
        assertTrue(page.selectFirst("html").hasClass("app-text-large"));
        // The language switcher, used while signed in, is kept with the account as well.
        assertEquals(303, laptop.get("/language/ar?back=/").statusCode());
        Browsing tablet = new Browsing(site);
        tablet.post("/account/sign-in", Map.of("email", "deniz@example.org", "password", "deniz's password"));
        assertEquals("ar", tablet.page("/").selectFirst("html").attr("lang"));
    }

    @Test
    void a_reader_s_account_does_not_open_the_newsroom() throws Exception {
        Browsing reader = registered("yusuf@example.org", "yusuf's password");
        assertEquals(403, reader.get("/newsroom").statusCode());
        Document refused = Jsoup.parse(new Browsing(site).signIn("yusuf@example.org", "yusuf's password").body());
        assertTrue(refused.selectFirst(".app-error-summary").text().contains("reader's account"));
    }
}
