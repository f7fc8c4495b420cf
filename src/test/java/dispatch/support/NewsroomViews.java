package dispatch.support;

import dispatch.audit.AuditDao;
import dispatch.audit.AuditHistory;
import dispatch.audit.AuditReport;
import dispatch.audit.Browser;
import dispatch.audit.CheckResult;
import dispatch.audit.PageResult;
import dispatch.audit.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;

/**
 * One view of every newsroom page and state a member of staff meets, for the browser tests:
 * each is reached the way a person would reach it (pages by address, error and preview states
 * by pressing the form's buttons). The browser must be signed in as an administrator.
 */
public final class NewsroomViews {

    public record View(String name, Consumer<Browser> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<View> all(TestSite site) {
        long published = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1").mapTo(Long.class).one());
        long image = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM images ORDER BY id LIMIT 1").mapTo(Long.class).one());
        long person = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM users ORDER BY id LIMIT 1").mapTo(Long.class).one());
        List<View> views = new ArrayList<>();
        views.add(get("articles list", site, "/newsroom"));
        views.add(get("new article", site, "/newsroom/articles/new"));
        views.add(new View("new article with errors", b -> {
            b.open(site.url("/newsroom/articles/new"));
            click(b, "button[value=publish]");
        }));
        views.add(get("published article with corrections form", site, "/newsroom/articles/" + published));
        views.add(new View("preview", b -> {
            b.open(site.url("/newsroom/articles/" + published));
            click(b, "button[value=preview]");
        }));
        views.add(get("revision history", site, "/newsroom/articles/" + published + "/revisions"));
        Suggestion suggestion = Suggestion.waiting(site);
        views.add(get("published article with a suggested change waiting", site, "/newsroom/articles/" + suggestion.article()));
        views.add(get("suggested change opened in the editor", site, suggestion.opened()));
        views.add(get("revision history with a suggested change", site,
            "/newsroom/articles/" + suggestion.article() + "/revisions"));
        views.add(get("suggested change compared with the published version", site, suggestion.compared()));
        views.add(new View("describe an image that published articles show, with errors", b -> {
            b.open(site.url("/newsroom/images/" + suggestion.shownImage()));
            b.driver().findElement(By.id("alt")).clear();
            click(b, "main form button[type=submit]");
        }));
        views.add(get("image library", site, "/newsroom/images"));
        views.add(get("describe an image", site, "/newsroom/images/" + image));
        views.add(get("staff", site, "/newsroom/staff"));
        views.add(get("change a person", site, "/newsroom/staff/" + person));
        views.add(get("activity log", site, "/newsroom/activity"));
        views.add(get("membership plans", site, "/newsroom/plans"));
        views.add(new View("change a membership plan, with errors", b -> {
            b.open(site.url("/newsroom/plans/annual"));
            b.driver().findElement(By.id("price")).clear();
            b.driver().findElement(By.id("price")).sendKeys("a hundred");
            click(b, "main form button[type=submit]");
        }));
        long[] runs = twoAuditRuns(site);
        views.add(get("accessibility audits, two runs compared", site,
            "/newsroom/audits?from=" + runs[0] + "&to=" + runs[1]));
        views.add(get("public accessibility statement with the latest audit", site, "/accessibility"));
        views.add(new View("public report of a problem, with errors", b -> {
            b.open(site.url("/accessibility/report"));
            click(b, "form[action='/accessibility/report'] button[type=submit]");
        }));
        views.add(new View("review of a success criterion with errors", b -> {
            b.open(site.url("/newsroom/audits"));
            click(b, "form[method=post][action='/newsroom/audits'] button[type=submit]");
        }));
        views.add(get("newsletters", site, "/newsroom/newsletters"));
        views.add(get("compose a newsletter issue", site, "/newsroom/newsletters/new"));
        views.add(new View("compose a newsletter issue with errors", b -> {
            b.open(site.url("/newsroom/newsletters/new"));
            click(b, "main form button[type=submit]");
        }));
        views.add(new View("newsletter issue with its preview", b -> {
            b.open(site.url("/newsroom/newsletters/new"));
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("newsletter"))).selectByValue("daily-briefing");
            b.driver().findElement(By.id("subject")).sendKeys("The day in the region");
            b.driver().findElement(By.id("intro")).sendKeys("Good morning.");
            b.driver().findElement(By.id("articles")).click();
            click(b, "main form button[type=submit]");
        }));
        return views;
    }

    /**
     * Two recorded audit runs to compare (the latest two, recording a pair first if there are
     * fewer), so that the audits page shows its tables and a comparison.
     */
    private static long[] twoAuditRuns(TestSite site) {
        AuditHistory history = new AuditHistory(site.database(), Clock.systemUTC());
        if (history.runs(2).size() < 2) {
            String page = site.url("/");
            Problem contrast = new Problem(page, "axe", "color-contrast",
                "Elements must meet minimum color contrast ratio thresholds", "serious", "AA", List.of("1.4.3"), ".faint",
                "<p class=\"faint\">", "Fix any of the following: raise the contrast", "why", "https://help");
            for (String started : List.of("2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z")) {
                List<Problem> problems = started.startsWith("2026-11-02") ? List.of(contrast) : List.of();
                history.record(new AuditReport(page, Instant.parse(started), Instant.parse(started).plusSeconds(90), 100,
                    "sitemap", "tool", "4.11.1", "chrome", List.of(new PageResult(page, "Home", List.of(new CheckResult(
                    "axe", CheckResult.name("axe"), problems.isEmpty() ? "passed" : "failed", problems, null, 10)),
                    List.of(), List.of(), List.of(), List.of(), null)), null));
            }
        }
        List<AuditDao.Run> runs = history.runs(2);
        return new long[] {runs.get(1).id(), runs.get(0).id()};
    }

    /** The sign-in page, and the same after a failed attempt; for a browser that is signed out. */
    public static List<View> signedOut(TestSite site) {
        return List.of(get("sign in", site, "/newsroom/sign-in"), new View("sign in with an error", b -> {
            b.open(site.url("/newsroom/sign-in"));
            b.driver().findElement(By.id("email")).sendKeys("nobody@example.org");
            click(b, "main button[type=submit]");
        }));
    }

    private static View get(String name, TestSite site, String path) {
        return new View(name, b -> b.open(site.url(path)));
    }

    /** Clicks a button that loads a new page, and waits for that page. */
    private static void click(Browser browser, String css) {
        browser.loadsNewPage(() -> browser.driver().findElement(By.cssSelector(css)).click());
    }

    /** Signs the browser in through the form, as an administrator. */
    public static void signIn(Browser browser, TestSite site, String email, String password) {
        browser.open(site.url("/newsroom/sign-in"));
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        click(browser, "main button[type=submit]");
    }

    private NewsroomViews() {}
}
