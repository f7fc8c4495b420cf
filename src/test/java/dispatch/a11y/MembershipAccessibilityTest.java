package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.audit.KeyboardWalk;
import dispatch.support.MailBox;
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
 * Every page and state of a reader's account and of membership, and the account e-mails, held
 * to the reading site's bar: axe finds nothing at 1280 px (light) and 320 px (dark), the skip
 * link comes first and works, and the keyboard reaches everything with focus always visible.
 * The pages are reached as a reader reaches them: through the forms, in one browser, on a site
 * with the meter as it ships.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipAccessibilityTest {
    private TestSite site;
    private Browser browser;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void start() {
        site = TestSite.demoWith(Map.of());
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

    @Test
    void every_membership_page_state_and_email_passes_axe_and_the_keyboard_checks() throws IOException {
        open("/membership");
        check("membership, signed out");
        open("/account/register");
        check("register");
        submit("main form button[type=submit]", b -> { });
        check("register with errors");
        open("/account/sign-in");
        check("sign in");
        open("/account/forgot-password");
        check("forgot password");
        submit("main form button[type=submit]", b -> type("email", "someone@example.org"));
        check("forgot password, link sent");
        open("/account/reset-password?token=expired");
        check("reset link that no longer works");
        open("/account/verify?token=expired");
        check("confirmation link that no longer works");

        List<String> articles = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE access = 'free' AND status = 'published' ORDER BY published_at DESC LIMIT 4")
            .mapTo(String.class).list());
        for (String slug : articles.subList(0, 3)) {
            open("/articles/" + slug);
        }
        check("article with the free articles left");
        open("/articles/" + articles.get(3));
        assertTrue(browser.driver().findElements(By.cssSelector(".app-paywall")).size() == 1);
        check("article behind the meter");

        open("/account/register");
        submit("main form button[type=submit]", b -> {
            type("name", "Nadia Keyboard");
            type("email", "nadia@example.org");
            type("password", "a password for nadia");
        });
        check("account, just registered");
        open("/membership");
        check("membership, address not confirmed");

        Path mail = Files.createTempFile("dispatch-mail", ".html");
        Files.writeString(mail, MailBox.html(MailBox.latest(site, "nadia@example.org")));
        browser.open(mail.toUri().toString());
        check("confirmation e-mail");
        Files.delete(mail);

        open(MailBox.link(site, MailBox.latest(site, "nadia@example.org")));
        check("confirm your address");
        submit("main form button[type=submit]", b -> { });
        open("/membership");
        check("membership, ready to join");
        submit("main form[action='/membership/join'] button", b -> { });
        check("test checkout");
        submit("main form button[type=submit]", b -> { });
        check("account, member");
        open("/articles/gulf-mediators-oman-qatar-memo");
        check("members' memo, read by a member");
        open("/account");
        submit("main form[action='/account/password'] button", b -> type("current-password", "wrong"));
        check("account with errors");
        open("/account/delete");
        check("delete account");

        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
}
