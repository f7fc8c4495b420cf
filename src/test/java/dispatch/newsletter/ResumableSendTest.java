package dispatch.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dispatch.account.User;
import dispatch.db.Database;
import dispatch.mail.Mail;
import dispatch.mail.Mailer;
import dispatch.membership.Membership;
import dispatch.membership.TestGateway;
import dispatch.section.SectionDao;
import dispatch.web.Site;
import dispatch.web.Templates;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sending an issue is resumable and never sends one person the same issue twice: a send that
 * the mail server stops halfway leaves the issue "sending" with a delivery row for exactly those
 * it reached, and starting it again sends only to the others. Real database, real migrations,
 * the real templates; the mail server is one that fails on the third message.
 */
@Tag("postgresql")
class ResumableSendTest {

    /** A mail server that takes {@code failFrom - 1} messages, then refuses every one while {@code down}. */
    private static final class FlakyMailer implements Mailer {
        final List<Mail> sent = new ArrayList<>();
        boolean down;
        int failFrom;

        @Override
        public void send(Mail mail) {
            if (down && sent.size() + 1 >= failFrom) {
                throw new MailException("Could not send mail through test:25: connection refused", null);
            }
            sent.add(mail);
        }

        @Override
        public String describe() {
            return "test:25";
        }
    }

    @Test
    void a_send_stopped_halfway_and_started_again_reaches_everyone_once() throws Exception {
        try (Database database = dispatch.support.TestDatabase.open(Files.createTempDirectory("dispatch-newsletter"))) {
            Clock clock = Clock.systemUTC();
            FlakyMailer mailer = new FlakyMailer();
            Site site = new Site("Meridian East", () -> "http://news.example", database.dao(SectionDao.class), "/assets/site.css");
            NewsletterMail mail = new NewsletterMail(mailer, new Templates(), site);
            Membership[] built = new Membership[1];
            Membership membership = built[0] = new Membership(database, clock, new TestGateway(clock, () -> built[0]));
            Subscriptions subscriptions = new Subscriptions(database, mail, clock);
            Issues issues = new Issues(database, mail, membership, clock);

            Newsletter daily = subscriptions.newsletter("daily-briefing").orElseThrow();
            for (String who : List.of("a", "b", "c", "d", "e")) {
                subscriptions.request(daily, who + "@example.org", null, "en");
            }
            // Confirm each from the link in its confirmation mail.
            for (Mail confirmation : List.copyOf(mailer.sent)) {
                String token = confirmation.text().replaceAll("(?s).*/newsletters/confirm\\?token=(\\S+).*", "$1");
                assertNotNull(subscriptions.confirm(java.net.URLDecoder.decode(token, "UTF-8")).orElse(null), confirmation.to());
            }
            mailer.sent.clear();
            long editorId = database.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('ed@example.org', 'Ed', 'editor', 'x', "
                    + "'2026-01-01T00:00:00Z') RETURNING id").mapTo(Long.class).one());
            User editor = new User(editorId, "ed@example.org", "Ed", "editor", false);
            // An empty database has no articles; an issue of only an introduction is still an issue.
            long id = issues.create(daily, "Monday", "Good morning.", List.of(), editor);

            mailer.down = true;
            mailer.failFrom = 3;
            Issues.Outcome stopped = issues.send(issues.find(id).orElseThrow(), editor);
            assertEquals(2, stopped.sent());
            assertNotNull(stopped.problem());
            Issue halfway = issues.find(id).orElseThrow();
            assertEquals("sending", halfway.status());
            assertEquals(2, halfway.delivered(), "a delivery row for exactly those reached");

            mailer.down = false;
            Issues.Outcome resumed = issues.send(halfway, editor);
            assertNull(resumed.problem());
            assertEquals(3, resumed.sent());
            assertEquals("sent", issues.find(id).orElseThrow().status());
            assertEquals(0, issues.send(issues.find(id).orElseThrow(), editor).sent(), "a sent issue sends nothing more");

            Map<String, Long> copies = mailer.sent.stream().collect(Collectors.groupingBy(Mail::to, Collectors.counting()));
            assertEquals(Map.of("a@example.org", 1L, "b@example.org", 1L, "c@example.org", 1L, "d@example.org", 1L,
                "e@example.org", 1L), copies, "everyone once");
            assertEquals(5, mailer.sent.stream().map(m -> m.headers().get("List-Unsubscribe")).distinct().count(),
                "each message has its own unsubscribe link");
            assertEquals(List.of("newsletter.draft", "newsletter.send", "newsletter.resume", "newsletter.sent"),
                database.jdbi().withHandle(h -> h.createQuery("SELECT action FROM activity_log ORDER BY id")
                    .mapTo(String.class).list()));
            Function<String, Integer> rows = table -> database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
            assertEquals(5, rows.apply("newsletter_deliveries"));
        }
    }
}
