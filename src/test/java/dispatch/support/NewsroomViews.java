package dispatch.support;

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
        views.add(get("image library", site, "/newsroom/images"));
        views.add(get("describe an image", site, "/newsroom/images/" + image));
        views.add(get("staff", site, "/newsroom/staff"));
        views.add(get("change a person", site, "/newsroom/staff/" + person));
        views.add(get("activity log", site, "/newsroom/activity"));
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
