package dispatch.support;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.audit.KeyboardWalk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;

/**
 * The reading site's bar for one page or e-mail in the browser, for tests that walk through many
 * states: axe finds nothing at 1280 px (light) and 320 px (dark), the skip link comes first and
 * works, and the keyboard reaches everything with focus always visible. Problems are gathered
 * with the name of the state they were found in, so that one run reports every one of them.
 */
public final class PageChecks {
    private final Browser browser;
    private final List<String> problems = new ArrayList<>();

    public PageChecks(Browser browser) {
        this.browser = browser;
    }

    /** Checks the page the browser shows now, as {@code name}. */
    public void check(String name) {
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

    /** Opens the HTML part of the latest mail the site wrote to {@code address}, and checks it. */
    public void checkMail(String name, TestSite site, String address) throws IOException {
        Path mail = Files.createTempFile("dispatch-mail", ".html");
        Files.writeString(mail, MailBox.html(MailBox.latest(site, address)));
        browser.open(mail.toUri().toString());
        check(name);
        Files.delete(mail);
    }

    /** Fills a form and presses its button, waiting for the page that answers. */
    public void submit(String css, Consumer<Browser> fill) {
        fill.accept(browser);
        browser.loadsNewPage(() -> browser.driver().findElement(By.cssSelector(css)).click());
    }

    public void type(String id, String text) {
        browser.driver().findElement(By.id(id)).sendKeys(text);
    }

    /** Every problem found so far, each starting with the name of its state. */
    public List<String> problems() {
        return problems;
    }
}
