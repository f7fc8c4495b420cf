package dispatch.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dispatch.support.Browsing;
import dispatch.support.MailBox;
import dispatch.support.SmtpServer;
import dispatch.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Newsletters end to end over HTTP, with the site sending its mail to a real SMTP server
 * (GreenMail) inside the test: sign up, confirm from the mailed link, an editor composes and
 * sends an issue from the newsroom, the reader gets it, and leaves in one step (the link's
 * button, or the RFC 8058 one-click POST a mail program makes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class NewsletterFlowTest {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private SmtpServer smtp;
    private TestSite site;
    private final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        smtp = new SmtpServer();
        site = TestSite.demoWith(smtp.settings("Meridian East <newsletters@meridian-east.example>"));
    }

    @AfterAll
    void stop() {
        site.close();
        smtp.close();
    }

    private String path(String url) {
        assertTrue(url.startsWith(site.url("/")), url);
        return url.substring(site.url("").length());
    }

    /** A form posted the way the sign-up form on a cached reading page posts it: no cookies, no CSRF token. */
    private HttpResponse<String> postWithoutCookies(String path, String body) throws Exception {
        return plain.send(HttpRequest.newBuilder(URI.create(site.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String status(String email, String newsletter) {
        return site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT status FROM newsletter_subscriptions WHERE email = :email AND newsletter_code = :code")
            .bind("email", email).bind("code", newsletter).mapTo(String.class).findOne().orElse("none"));
    }

    /** Signs up from the form and confirms from the mailed link, as a reader does. */
    private void subscribeAndConfirm(String email) throws Exception {
        var asked = postWithoutCookies("/newsletters/subscribe", "newsletter=daily-briefing&email-daily-briefing="
            + java.net.URLEncoder.encode(email, "UTF-8"));
        assertEquals(303, asked.statusCode(), asked.body());
        assertEquals("/newsletters?requested=daily-briefing", asked.headers().firstValue("Location").orElseThrow());
        MimeMessage confirmation = smtp.latestTo(email);
        assertEquals("Confirm your subscription to The Daily Briefing", confirmation.getSubject());
        Matcher m = LINK.matcher(MailBox.text(confirmation));
        assertTrue(m.find());
        Browsing reader = new Browsing(site);
        Document page = reader.page(path(m.group()));
        assertTrue(page.text().contains("Confirm that you want The Daily Briefing sent to " + email), page.text());
        assertEquals("pending", status(email, "daily-briefing"), "opening the link confirms nothing");
        var confirmed = reader.post("/newsletters/confirm", Map.of("token", page.selectFirst("input[name=token]").val()));
        assertEquals("/newsletters?confirmed=daily-briefing", confirmed.headers().firstValue("Location").orElseThrow());
        assertEquals("confirmed", status(email, "daily-briefing"));
        assertEquals(410, reader.get(path(m.group())).statusCode(), "the link works once");
    }

    /** The newest article matching {@code where} among the 30 the compose form offers. */
    private List<Long> articles(String where) {
        return site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM articles WHERE id IN (SELECT id FROM articles WHERE status = 'published' AND published_at <= :now"
                + " ORDER BY published_at DESC, id DESC LIMIT 30) AND " + where + " ORDER BY published_at DESC LIMIT 1").bind("now", java.time.Instant.now()).mapTo(Long.class).list());
    }

    /** An editor composes an issue of the daily briefing in the newsroom and sends it; returns its page. */
    private String composeAndSend(String subject, List<Long> articleIds) {
        Browsing editor = new Browsing(site);
        assertEquals(303, editor.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("newsletter", "daily-briefing"),
            Map.entry("subject", subject), Map.entry("intro", "Good morning.\n\nHere is the day.")));
        articleIds.forEach(id -> fields.add(Map.entry("articles", String.valueOf(id))));
        var created = editor.post("/newsroom/newsletters/new", fields);
        assertEquals(303, created.statusCode(), created.body());
        String issue = created.headers().firstValue("Location").orElseThrow();
        Document preview = editor.page(issue);
        assertTrue(preview.selectFirst(".app-issue-preview").text().contains("Good morning."));
        var sent = editor.post(issue + "/send", Map.of());
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(editor.page(issue).text().contains("Sent"));
        return issue;
    }

    @Test
    void a_reader_signs_up_confirms_gets_an_issue_and_leaves_with_one_click() throws Exception {
        subscribeAndConfirm("hana@example.org");
        long free = articles("access = 'free' AND language = 'en'").get(0);
        long members = articles("access = 'members' AND language = 'en'").get(0);
        composeAndSend("Tuesday: the day in the region", List.of(free, members));

        MimeMessage issue = smtp.latestTo("hana@example.org");
        assertEquals("Tuesday: the day in the region", issue.getSubject());
        String unsubscribe = issue.getHeader("List-Unsubscribe")[0].replaceAll("\\s+", "");
        assertTrue(unsubscribe.matches("<http://127\\.0\\.0\\.1:\\d+/newsletters/unsubscribe\\?token=[A-Za-z0-9_%-]+>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", issue.getHeader("List-Unsubscribe-Post")[0]);

        Document html = Jsoup.parse(MailBox.html(issue));
        assertEquals("en", html.selectFirst("html").attr("lang"));
        assertEquals(1, html.select("h1").size());
        assertEquals("Tuesday: the day in the region", html.selectFirst("h1").text());
        assertEquals(2, html.select("h2").size(), "one heading per article");
        assertTrue(html.select("img").isEmpty(), "readable without images");
        String text = MailBox.text(issue);
        for (String headline : html.select("h2").eachText()) {
            assertTrue(text.contains(headline), "the plain-text part has every headline");
        }
        assertTrue(text.contains(unsubscribe.substring(1, unsubscribe.length() - 1)), "and the unsubscribe link written out");

        var again = plain.send(HttpRequest.newBuilder(URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("unsubscribed", status("hana@example.org", "daily-briefing"));

        int before = smtp.to("hana@example.org").size();
        composeAndSend("Wednesday: the day in the region", List.of(free));
        assertEquals(before, smtp.to("hana@example.org").size(), "no issue after unsubscribing");
        assertTrue(site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM activity_log WHERE action = 'newsletter.send'").mapTo(Integer.class).one()) >= 2,
            "sends are in the activity log");
    }

    @Test
    void the_unsubscribe_link_opens_a_page_whose_one_button_unsubscribes_without_signing_in() throws Exception {
        subscribeAndConfirm("arman@example.org");
        composeAndSend("Thursday: the day in the region", articles("access = 'free'"));
        Matcher m = Pattern.compile("https?://\\S+/newsletters/unsubscribe\\?token=\\S+")
            .matcher(MailBox.text(smtp.latestTo("arman@example.org")));
        assertTrue(m.find());
        Browsing stranger = new Browsing(site);
        Document page = stranger.page(path(m.group()));
        assertEquals("confirmed", status("arman@example.org", "daily-briefing"), "opening the link changes nothing");
        assertTrue(page.text().contains("Stop sending The Daily Briefing to arman@example.org?"), page.text());
        var left = postWithoutCookies("/newsletters/unsubscribe", "token="
            + java.net.URLEncoder.encode(page.selectFirst("input[name=token]").val(), "UTF-8"));
        assertEquals("/newsletters?unsubscribed=daily-briefing", left.headers().firstValue("Location").orElseThrow());
        assertEquals("unsubscribed", status("arman@example.org", "daily-briefing"));
        assertTrue(stranger.page(path(m.group())).text().contains("is not subscribed to The Daily Briefing any more"));
        assertEquals(410, stranger.get("/newsletters/unsubscribe?token=made-up").statusCode());
    }

    @Test
    void members_only_articles_reach_subscribers_who_are_not_members_as_headline_standfirst_and_link_only() throws Exception {
        subscribeAndConfirm("outsider@example.org");
        Browsing member = new Browsing(site);
        assertEquals(200, member.post("/account/register", Map.of("name", "Mina Member", "email", "mina@example.org",
            "password", "mina's long password")).statusCode());
        MailBox.confirm(site, member, smtp.latestTo("mina@example.org"));
        site.database().jdbi().useHandle(h -> {
            h.execute("""
                INSERT INTO subscriptions (user_id, plan_code, gateway, gateway_ref, status, current_period_end, created_at, updated_at)
                SELECT id, 'annual', 'test', 'test-mina', 'active', '2099-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
                  FROM users WHERE email = 'mina@example.org'""");
        });
        var joined = member.post("/account/newsletters", Map.of("newsletter", "daily-briefing", "action", "subscribe"));
        assertEquals("/account?newsletter-on", joined.headers().firstValue("Location").orElseThrow(),
            "a confirmed account's address needs no second confirmation");
        assertEquals("confirmed", status("mina@example.org", "daily-briefing"));

        long membersOnly = articles("access = 'members' AND language = 'en'").get(0);
        var article = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT headline, standfirst, body_html FROM articles WHERE id = :id").bind("id", membersOnly).mapToMap().one());
        String firstParagraph = Jsoup.parseBodyFragment((String) article.get("body_html")).selectFirst("p").text();
        composeAndSend("Friday: for members", List.of(membersOnly));

        for (String address : List.of("outsider@example.org", "mina@example.org")) {
            MimeMessage issue = smtp.latestTo(address);
            assertEquals("Friday: for members", issue.getSubject());
            String html = Jsoup.parse(MailBox.html(issue)).text();
            String text = MailBox.text(issue);
            assertTrue(html.contains((String) article.get("headline")) && text.contains((String) article.get("headline")));
            assertTrue(html.contains((String) article.get("standfirst")) && text.contains((String) article.get("standfirst")));
            boolean isMember = address.startsWith("mina");
            assertEquals(isMember, html.contains(firstParagraph), address + ": the body's opening in the HTML part");
            assertEquals(isMember, text.contains(firstParagraph), address + ": the body's opening in the text part");
        }
        Document account = member.page("/account");
        assertNotNull(account.selectFirst("form[action='/account/newsletters'] button[value=unsubscribe]"));
        var left = member.post("/account/newsletters", Map.of("newsletter", "daily-briefing", "action", "unsubscribe"));
        assertEquals("/account?newsletter-off", left.headers().firstValue("Location").orElseThrow());
        assertEquals("unsubscribed", status("mina@example.org", "daily-briefing"));
    }

    @Test
    void a_bad_address_is_shown_again_with_the_error_and_nothing_is_sent() throws Exception {
        var answer = postWithoutCookies("/newsletters/subscribe", "newsletter=weekly-memo&email-weekly-memo=not-an-address");
        assertEquals(422, answer.statusCode());
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertNotNull(page.selectFirst(".app-error-summary a[href=#email-weekly-memo]"));
        assertEquals("not-an-address", page.selectFirst("#email-weekly-memo").val(), "what was typed is kept");
        assertEquals("", page.selectFirst("#email-daily-briefing").val());
        assertEquals(0, smtp.to("not-an-address").size());
        assertEquals(404, postWithoutCookies("/newsletters/subscribe", "newsletter=nope&email-nope=a@example.org").statusCode());
    }

    @Test
    void one_address_is_sent_at_most_one_confirmation_an_hour_so_the_form_cannot_flood_an_inbox() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(303, postWithoutCookies("/newsletters/subscribe",
                "newsletter=weekly-memo&email-weekly-memo=target%40example.org").statusCode());
        }
        // Sign-up mail is sent before the form is answered, so what has arrived now is all there is.
        assertEquals(1, smtp.to("target@example.org").size());
    }

    @Test
    void contributors_cannot_send_newsletters() {
        Browsing writer = new Browsing(site);
        assertEquals(303, writer.signIn("writer@meridian-east.example", site.password("writer@meridian-east.example")).statusCode());
        assertEquals(403, writer.get("/newsroom/newsletters").statusCode());
        assertFalse(writer.page("/newsroom").html().contains("/newsroom/newsletters"));
    }
}
