package dispatch.support;

import dispatch.audit.Browser;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard-only person at the browser: moves with Tab, types, and acts with Space or Enter.
 * Nothing here clicks; addresses are typed as into the address bar ({@link Browser#open}).
 */
public final class Keyboard {
    private final Browser browser;
    private final Actions keys;

    public Keyboard(Browser browser) {
        this.browser = browser;
        this.keys = new Actions(browser.driver());
    }

    /** Presses Tab until the focused element matches the selector; fails if it never does. */
    public void tabTo(String selector) {
        for (int i = 0; i < 150; i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", selector))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + selector + " on " + browser.driver().getCurrentUrl());
    }

    public void type(String text) {
        keys.sendKeys(text).perform();
    }

    public void press(CharSequence key) {
        keys.sendKeys(key).perform();
    }

    /** Presses Enter on something that loads a new page, and waits for that page. */
    public void enterAndWait() {
        browser.loadsNewPage(() -> press(Keys.ENTER));
    }

    /** The focused element's id, or its text when it has none. */
    public String focused() {
        return (String) browser.script("return document.activeElement.id || document.activeElement.textContent.trim()");
    }
}
