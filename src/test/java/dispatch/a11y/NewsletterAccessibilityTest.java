package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.audit.KeyboardWalk;
import dispatch.support.MailBox;
import dispatch.support.NewsroomViews;
import dispatch.support.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class NewsletterAccessibilityTest {
    private TestSite site;
    private Browser browser;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of("DISPATCH_FREE_ARTICLES", "100000"));
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        site.close();
    }

    /** Checks the page the browser shows now, as {@code name}; problems are gathered, not thrown. */
    private void check(String name) {
        String url = browser.driver().getCurrentUrl();
        for (Object[] view : new Object[][] {{1280, "light"}, {320, "dark"}}) {
            browser.colorScheme((String) view[1]);
            browser.width((Integer) view[0]);
            Results results = url.startsWith("http") ? Axe.scan(browser.driver())
                // An e-mail is shown inside the mail program's own landmarks: axe's rule that all
                // content sit in landmarks, one of them main, is for pages, not for a message's body.
                : new com.deque.html.axecore.selenium.AxeBuilder().withTags(Axe.TAGS)
                    .withRules(List.of(Axe.ENHANCED_CONTRAST)).disableRules(List.of("region", "landmark-one-main")).analyze(browser.driver());
            if (!results.getViolations().isEmpty()) {
                problems.add(name + " at " + view[0] + "px, " + view[1] + ":\n" + Axe.describe(results.getViolations()));
            }
        }
        browser.reset();
        if (url.startsWith("http")) {
            List<String> skip = KeyboardWalk.skipLink(browser);
            if (!skip.isEmpty()) {
                problems.add(name + ": " + skip);
            }
        }
        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);
        if (!walk.problems().isEmpty()) {
            problems.add(name + ": " + walk.problems());
        }
    }

    private void open(String path) {
        browser.open(site.url(path));
    }

    private void submit(String css, Consumer<Browser> fill) {
        fill.accept(browser);
        browser.loadsNewPage(() -> browser.driver().findElement(By.cssSelector(css)).click());
    }

    private void type(String id, String text) {
        browser.driver().findElement(By.id(id)).sendKeys(text);
    }

    private void checkMail(String name, String address) throws IOException {
        Path mail = Files.createTempFile("dispatch-mail", ".html");
        Files.writeString(mail, MailBox.html(MailBox.latest(site, address)));
        browser.open(mail.toUri().toString());
        check(name);
        Files.delete(mail);
    }

    @Test
    void every_newsletter_page_state_and_email_passes_axe_and_the_keyboard_checks() throws IOException {
        open("/newsletters");
        check("newsletters");
        submit("form:has(#email-weekly-memo) button[type=submit]", b -> type("email-weekly-memo", "not an address"));
        check("newsletters with an error");
        open("/newsletters");
        submit("form:has(#email-daily-briefing) button[type=submit]", b -> type("email-daily-briefing", "sami@example.org"));
        check("newsletters, confirmation sent");
        checkMail("newsletter confirmation e-mail", "sami@example.org");

        open(MailBox.link(site, MailBox.latest(site, "sami@example.org")));
        check("confirm a subscription");
        submit("main form button[type=submit]", b -> { });
        check("newsletters, subscribed");
        open("/newsletters/confirm?token=expired");
        check("confirmation link that no longer works");

        NewsroomViews.signIn(browser, site, "editor@meridian-east.example", "demo-editor-password");
        open("/newsroom/newsletters/new");
        submit("main form button[type=submit]", b -> {
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("newsletter"))).selectByValue("daily-briefing");
            type("subject", "The day in the region");
            type("intro", "Good morning.");
            b.driver().findElement(By.id("articles")).click();
            b.driver().findElement(By.id("articles-1")).click();
        });
        submit("main form button[type=submit]", b -> { });
        check("newsroom issue, just sent");
        assertTrue(browser.driver().findElement(By.cssSelector(".app-notice")).getText().contains("sent"));
        checkMail("newsletter issue e-mail", "sami@example.org");

        String text = MailBox.text(MailBox.latest(site, "sami@example.org"));
        String unsubscribe = text.replaceAll("(?s).*(/newsletters/unsubscribe\\?token=\\S+).*", "$1");
        open(unsubscribe);
        check("unsubscribe");
        submit("main form button[type=submit]", b -> { });
        check("newsletters, unsubscribed");
        open(unsubscribe);
        check("unsubscribe, done already");
        open("/newsletters/unsubscribe?token=made-up");
        check("unsubscribe link that does not work");

        browser.driver().manage().deleteAllCookies();
        open("/account/register");
        submit("main form button[type=submit]", b -> {
            type("name", "Sami Keyboard");
            type("email", "sami.account@example.org");
            type("password", "a password for sami");
        });
        open("/account");
        check("account with its newsletters");
        submit("form[action='/account/newsletters'] button[value=subscribe]", b -> { });
        check("account, newsletter confirmation sent");

        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
}
