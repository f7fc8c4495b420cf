package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Browser;
import dispatch.support.SharedBrowser;
import dispatch.support.Keyboard;
import dispatch.support.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;

/**
 * The newsroom's whole publishing flow done with the keyboard alone, as a keyboard-only editor
 * would: sign in, upload an image, write an article, be stopped from publishing it without alt
 * text, follow the error to the field, fix it, publish, add a correction, read the history.
 * Every step moves with Tab and acts with typing, Space or Enter; addresses are typed as into
 * the address bar. (Choosing the file is the one step done through WebDriver, since the
 * operating system's file dialog is not part of the page.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class NewsroomKeyboardFlowTest {
    private final TestSite site = TestSite.newsroom();
    private Browser browser;
    private Keyboard keyboard;

    @BeforeAll
    void start() {
        browser = SharedBrowser.clean();
        keyboard = new Keyboard(browser);
    }


    @Test
    void an_editor_publishes_an_accessible_article_with_the_keyboard_alone() throws Exception {
        browser.open(site.url("/newsroom/sign-in"));
        keyboard.tabTo("#email");
        keyboard.type("editor@meridian-east.example");
        keyboard.press(Keys.TAB);
        keyboard.type(site.password("editor@meridian-east.example"));
        keyboard.enterAndWait();
        assertEquals("Articles", browser.driver().findElement(org.openqa.selenium.By.tagName("h1")).getText());

        keyboard.tabTo("a[href='/newsroom/images']");
        keyboard.enterAndWait();
        keyboard.tabTo("#file");
        Path picture = Files.createTempFile("lake-ferry", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(900, 500, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png", picture.toFile());
        browser.driver().switchTo().activeElement().sendKeys(picture.toString());
        keyboard.tabTo("form[enctype] button[type=submit]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getTitle().startsWith("Describe image lake-ferry"), browser.driver().getTitle());
        String imagePage = browser.driver().getCurrentUrl();
        String imageName = browser.driver().getTitle().replaceAll("^Describe image (\\S+).*", "$1");

        browser.open(site.url("/newsroom"));
        keyboard.tabTo("a[href='/newsroom/articles/new']");
        keyboard.enterAndWait();
        keyboard.tabTo("#headline");
        keyboard.type("Ferry service resumes across the lake");
        keyboard.press(Keys.TAB);
        keyboard.type("Boats are running again after the winter storms.");
        keyboard.tabTo("#section");
        keyboard.type("Turkey");
        keyboard.tabTo("#authors");
        keyboard.press(Keys.SPACE);
        keyboard.tabTo("#lead-image");
        keyboard.type(imageName);
        keyboard.tabTo("#body");
        keyboard.type("The first boat left at seven in the morning.");
        keyboard.tabTo("#headline");
        keyboard.enterAndWait(); // Enter in a field presses the form's first button: Save draft
        assertTrue(browser.driver().getCurrentUrl().contains("done=saved"), browser.driver().getCurrentUrl());
        String editor = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");

        keyboard.tabTo("button[value=publish]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getTitle().startsWith("Error: "), browser.driver().getTitle());
        assertEquals("app-error-summary", browser.script("return document.activeElement.className"),
            "the error summary has focus");
        keyboard.tabTo(".app-error-summary a[href='#lead-image']");
        keyboard.press(Keys.ENTER);
        assertEquals("lead-image", keyboard.focused(), "the error's link takes focus to the field");

        browser.open(imagePage);
        keyboard.tabTo("#alt");
        keyboard.type("A plain dark rectangle standing in for a photograph of the ferry");
        keyboard.tabTo("main form button[type=submit]");
        keyboard.enterAndWait();

        browser.open(editor);
        keyboard.tabTo("button[value=publish]");
        keyboard.enterAndWait();
        assertTrue(browser.driver().getCurrentUrl().contains("done=published"), browser.driver().getCurrentUrl());
        assertEquals(200, site.get("/articles/ferry-service-resumes-across-the-lake").statusCode());

        keyboard.tabTo("#correction");
        keyboard.type("An earlier version gave the wrong time for the first boat.");
        keyboard.tabTo("button[value=correct]");
        keyboard.enterAndWait();
        assertTrue(site.get("/articles/ferry-service-resumes-across-the-lake").body()
            .contains("An earlier version gave the wrong time for the first boat."));

        keyboard.tabTo("a[href$='/revisions']");
        keyboard.enterAndWait();
        assertEquals(2, browser.driver().findElements(org.openqa.selenium.By.cssSelector("tbody tr")).size(),
            "the draft and the publication are both in the history");
    }
}
