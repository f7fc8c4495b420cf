package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Browser;
import dispatch.support.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The newsroom's whole publishing flow done with the keyboard alone, as a keyboard-only editor
 * would: sign in, upload an image, write an article, be stopped from publishing it without alt
 * text, follow the error to the field, fix it, publish, add a correction, read the history.
 * Every step moves with Tab and acts with typing, Space or Enter; addresses are typed as into
 * the address bar. (Choosing the file is the one step done through WebDriver, since the
 * operating system's file dialog is not part of the page.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomKeyboardFlowTest {
    private final TestSite site = TestSite.newsroom();
    private Browser browser;
    private Actions keys;

    @BeforeAll
    void start() {
        browser = new Browser();
        keys = new Actions(browser.driver());
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    /** Presses Tab until the focused element matches the selector. */
    private void tabTo(String selector) {
        for (int i = 0; i < 120; i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", selector))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private void type(String text) {
        keys.sendKeys(text).perform();
    }

    private void press(CharSequence key) {
        keys.sendKeys(key).perform();
    }

    /** Presses Enter on something that loads a new page, and waits for that page. */
    private void enterAndWait() {
        browser.loadsNewPage(() -> press(Keys.ENTER));
    }

    private String focused() {
        return (String) browser.script("return document.activeElement.id || document.activeElement.textContent.trim()");
    }

    @Test
    void an_editor_publishes_an_accessible_article_with_the_keyboard_alone() throws Exception {
        browser.open(site.url("/newsroom/sign-in"));
        tabTo("#email");
        type("editor@meridian-east.example");
        press(Keys.TAB);
        type("demo-editor-password");
        enterAndWait();
        assertEquals("Articles", browser.driver().findElement(org.openqa.selenium.By.tagName("h1")).getText());

        tabTo("a[href='/newsroom/images']");
        enterAndWait();
        tabTo("#file");
        Path picture = Files.createTempFile("lake-ferry", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(900, 500, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png", picture.toFile());
        browser.driver().switchTo().activeElement().sendKeys(picture.toString());
        tabTo("form[enctype] button[type=submit]");
        enterAndWait();
        assertTrue(browser.driver().getTitle().startsWith("Describe image lake-ferry"), browser.driver().getTitle());
        String imagePage = browser.driver().getCurrentUrl();
        String imageName = browser.driver().getTitle().replaceAll("^Describe image (\\S+).*", "$1");

        browser.open(site.url("/newsroom"));
        tabTo("a[href='/newsroom/articles/new']");
        enterAndWait();
        tabTo("#headline");
        type("Ferry service resumes across the lake");
        press(Keys.TAB);
        type("Boats are running again after the winter storms.");
        tabTo("#section");
        type("Turkey");
        tabTo("#authors");
        press(Keys.SPACE);
        tabTo("#lead-image");
        type(imageName);
        tabTo("#body");
        type("The first boat left at seven in the morning.");
        tabTo("#headline");
        enterAndWait(); // Enter in a field presses the form's first button: Save draft
        assertTrue(browser.driver().getCurrentUrl().contains("done=saved"), browser.driver().getCurrentUrl());
        String editor = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");

        tabTo("button[value=publish]");
        enterAndWait();
        assertTrue(browser.driver().getTitle().startsWith("Error: "), browser.driver().getTitle());
        assertEquals("app-error-summary", browser.script("return document.activeElement.className"),
            "the error summary has focus");
        tabTo(".app-error-summary a[href='#lead-image']");
        press(Keys.ENTER);
        assertEquals("lead-image", focused(), "the error's link takes focus to the field");

        browser.open(imagePage);
        tabTo("#alt");
        type("A plain dark rectangle standing in for a photograph of the ferry");
        tabTo("main form button[type=submit]");
        enterAndWait();

        browser.open(editor);
        tabTo("button[value=publish]");
        enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().contains("done=published"), browser.driver().getCurrentUrl());
        assertEquals(200, site.get("/articles/ferry-service-resumes-across-the-lake").statusCode());

        tabTo("#correction");
        type("An earlier version gave the wrong time for the first boat.");
        tabTo("button[value=correct]");
        enterAndWait();
        assertTrue(site.get("/articles/ferry-service-resumes-across-the-lake").body()
            .contains("An earlier version gave the wrong time for the first boat."));

        tabTo("a[href$='/revisions']");
        enterAndWait();
        assertEquals(2, browser.driver().findElements(org.openqa.selenium.By.cssSelector("tbody tr")).size(),
            "the draft and the publication are both in the history");
    }
}
