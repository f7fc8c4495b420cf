package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Browser;
import dispatch.support.SharedBrowser;
import dispatch.support.MailBox;
import dispatch.support.NewsroomViews;
import dispatch.support.PageChecks;
import dispatch.support.TestSite;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Every newsletter page and state a reader meets, and both newsletter e-mails, held to the
 * reading site's bar: axe finds nothing at 1280 px (light) and 320 px (dark), the skip link
 * comes first and works, and the keyboard reaches everything with focus always visible. The
 * pages are reached as a reader reaches them, through the forms and the links in the outbox;
 * the issue is composed and sent by an editor in the newsroom.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class NewsletterAccessibilityTest {
    private TestSite site;
    private Browser browser;
    private PageChecks checks;

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of("DISPATCH_FREE_ARTICLES", "200"));
        browser = SharedBrowser.clean();
        checks = new PageChecks(browser);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private void open(String path) {
        browser.open(site.url(path));
    }

    @Test
    void every_newsletter_page_state_and_email_passes_axe_and_the_keyboard_checks() throws IOException {
        open("/newsletters");
        checks.check("newsletters");
        checks.submit("form:has(#email-weekly-memo) button[type=submit]", b -> checks.type("email-weekly-memo", "not an address"));
        checks.check("newsletters with an error");
        open("/newsletters");
        checks.submit("form:has(#email-daily-briefing) button[type=submit]", b -> checks.type("email-daily-briefing", "sami@example.org"));
        checks.check("newsletters, confirmation sent");
        checks.checkMail("newsletter confirmation e-mail", site, "sami@example.org");

        open(MailBox.link(site, MailBox.latest(site, "sami@example.org")));
        checks.check("confirm a subscription");
        checks.submit("main form button[type=submit]", b -> { });
        checks.check("newsletters, subscribed");
        open("/newsletters/confirm?token=expired");
        checks.check("confirmation link that no longer works");

        NewsroomViews.signIn(browser, site, "editor@meridian-east.example", site.password("editor@meridian-east.example"));
        open("/newsroom/newsletters/new");
        checks.submit("main form button[type=submit]", b -> {
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("newsletter"))).selectByValue("daily-briefing");
            checks.type("subject", "The day in the region");
            checks.type("intro", "Good morning.");
            b.driver().findElement(By.id("articles")).click();
            b.driver().findElement(By.id("articles-1")).click();
        });
        checks.submit("main form button[type=submit]", b -> { });
        checks.check("newsroom issue, just sent");
        assertTrue(browser.driver().findElement(By.cssSelector(".app-notice")).getText().contains("sent"));
        checks.checkMail("newsletter issue e-mail", site, "sami@example.org");

        String text = MailBox.text(MailBox.latest(site, "sami@example.org"));
        String unsubscribe = text.replaceAll("(?s).*(/newsletters/unsubscribe\\?token=\\S+).*", "$1");
        open(unsubscribe);
        checks.check("unsubscribe");
        checks.submit("main form button[type=submit]", b -> { });
        checks.check("newsletters, unsubscribed");
        open(unsubscribe);
        checks.check("unsubscribe, done already");
        open("/newsletters/unsubscribe?token=made-up");
        checks.check("unsubscribe link that does not work");

        browser.driver().manage().deleteAllCookies();
        open("/account/register");
        checks.submit("main form button[type=submit]", b -> {
            checks.type("name", "Sami Keyboard");
            checks.type("email", "sami.account@example.org");
            checks.type("password", "a password for sami");
        });
        checks.check("register, check your email");
        open(MailBox.link(site, MailBox.latest(site, "sami.account@example.org")));
        checks.submit("main form button[type=submit]", b -> { });
        open("/account");
        checks.check("account with its newsletters");
        checks.submit("form[action='/account/newsletters'] button[value=subscribe]", b -> { });
        checks.check("account, newsletter confirmation sent");

        assertEquals(List.of(), checks.problems(), () -> String.join("\n", checks.problems()));
    }
}
