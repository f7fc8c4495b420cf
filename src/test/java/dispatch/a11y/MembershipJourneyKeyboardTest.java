package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Browser;
import dispatch.support.SharedBrowser;
import dispatch.support.Browsing;
import dispatch.support.Keyboard;
import dispatch.support.MailBox;
import dispatch.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A new reader's whole way into membership and out again, with the keyboard alone, on a site
 * with the meter as it ships: read three articles and meet the gate on the fourth, register from
 * the gate, confirm the address from the mail in the outbox, join through the test gateway,
 * read a members-only memo, sign up to the daily briefing, receive an issue, leave it in one
 * step from the issue's link, and cancel the membership. Every step moves with Tab and acts with
 * typing or Enter; addresses are typed as into the address bar. The one step not taken by the
 * reader is sending the issue, which an editor does in the newsroom.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class MembershipJourneyKeyboardTest {
    private static final String EMAIL = "yusuf@example.org";
    private TestSite site;
    private Browser browser;
    private Keyboard keyboard;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
        browser = SharedBrowser.clean();
        keyboard = new Keyboard(browser);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private boolean present(String css) {
        return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
    }

    private String main() {
        return find("main").getText();
    }

    /** A value about the reader's membership, an SQL expression over its row {@code s}. */
    private String subscription(String expression) {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT " + expression
            + " FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE u.email = :email")
            .bind("email", EMAIL).mapTo(String.class).findOne().orElse(null));
    }

    @Test
    void a_new_reader_meets_the_gate_joins_reads_a_memo_follows_a_newsletter_and_leaves_by_keyboard_alone()
            throws Exception {
        List<String> free = site.database().jdbi().withHandle(h -> h.createQuery("""
            SELECT slug FROM articles WHERE access = 'free' AND status = 'published' AND language = 'en'
             ORDER BY published_at DESC LIMIT 4""").mapTo(String.class).list());

        // Three free articles, each saying how many are left.
        for (int read = 0; read < 3; read++) {
            browser.open(site.url("/articles/" + free.get(read)));
            assertTrue(!present(".app-paywall"), "article " + (read + 1) + " is read in full");
            assertTrue(find(".app-meter").getText().contains(read == 2 ? "last free article" : "left"),
                find(".app-meter").getText());
        }

        // The fourth: the gate, in the flow of the page under the article's only h1.
        browser.open(site.url("/articles/" + free.get(3)));
        assertEquals(1, browser.driver().findElements(By.tagName("h1")).size());
        assertEquals("Continue reading with membership", find(".app-paywall h2").getText());
        keyboard.tabTo(".app-paywall a[href^='/account/register']");
        keyboard.enterAndWait();

        // Register: name, address and password, and Enter.
        assertTrue(browser.driver().getTitle().startsWith("Create"), browser.driver().getTitle());
        keyboard.tabTo("#name");
        keyboard.type("Yusuf Keyboard");
        keyboard.press(Keys.TAB);
        keyboard.type(EMAIL);
        keyboard.press(Keys.TAB);
        keyboard.type("a keyboard reader's password");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getTitle().startsWith("Check your email"), browser.driver().getTitle());

        // Confirm the address from the mail in the outbox: that signs in and goes back to the article.
        browser.open(site.url(MailBox.link(site, MailBox.latest(site, EMAIL))));
        keyboard.tabTo("main form button[type=submit]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().endsWith("/articles/" + free.get(3)),
            "back at the article: " + browser.driver().getCurrentUrl());

        // Join through the test gateway, which says that no money moves.
        browser.open(site.url("/membership"));
        keyboard.tabTo("form[action='/membership/join'] button[type=submit]");
        keyboard.enterAndWait();
        assertTrue(main().contains("no money moves"), main());
        keyboard.tabTo("form[action^='/membership/test-checkout/'] button[type=submit]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().endsWith("/account?joined"), browser.driver().getCurrentUrl());
        assertEquals("active", subscription("s.status"));

        // A members-only memo, read in full.
        browser.open(site.url("/articles/gulf-mediators-oman-qatar-memo"));
        assertTrue(!present(".app-paywall"), "no gate for a member");
        assertEquals("You are reading as a member.", find(".app-meter").getText());
        assertTrue(browser.driver().findElements(By.cssSelector(".app-article__body p")).size() > 2, "the whole memo");

        // The daily briefing, from the account page: one button.
        browser.open(site.url("/account"));
        keyboard.tabTo("form[action='/account/newsletters']:has(input[value='daily-briefing']) button[value=subscribe]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().endsWith("/account?newsletter-on"), browser.driver().getCurrentUrl());

        // An editor sends an issue; it reaches the reader.
        sendDailyBriefing("Friday: the day in the region");
        MimeMessage issue = MailBox.latest(site, EMAIL);
        assertEquals("Friday: the day in the region", issue.getSubject());

        // Leave the newsletter from the issue's link, in one step.
        String unsubscribe = issue.getHeader("List-Unsubscribe")[0].replaceAll("[<>\\s]", "");
        browser.open(unsubscribe);
        keyboard.tabTo("form[action='/newsletters/unsubscribe'] button[type=submit]");
        keyboard.enterAndWait();
        assertEquals("unsubscribed", site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT status FROM newsletter_subscriptions WHERE email = :email AND newsletter_code = 'daily-briefing'")
            .bind("email", EMAIL).mapTo(String.class).one()));

        // Cancel the membership from the account page: one button, as joining took one.
        browser.open(site.url("/account"));
        assertNull(subscription("CASE WHEN s.cancel_at_period_end THEN 'yes' END"));
        keyboard.tabTo("form[action='/account/cancel'] button[type=submit]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().endsWith("/account?cancelled"), browser.driver().getCurrentUrl());
        assertTrue(subscription("s.status").equals("cancelled") || "yes".equals(
            subscription("CASE WHEN s.cancel_at_period_end THEN 'yes' END")), "the membership will not renew");
    }

    private void sendDailyBriefing(String subject) {
        Browsing editor = new Browsing(site);
        assertEquals(303, editor.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        long article = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM articles WHERE status = 'published' AND language = 'en' ORDER BY published_at DESC LIMIT 1")
            .mapTo(Long.class).one());
        var created = editor.post("/newsroom/newsletters/new", List.of(Map.entry("newsletter", "daily-briefing"),
            Map.entry("subject", subject), Map.entry("intro", "Good morning."), Map.entry("articles", String.valueOf(article))));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals(303, editor.post(created.headers().firstValue("Location").orElseThrow() + "/send", Map.of()).statusCode());
    }
}
