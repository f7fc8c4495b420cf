package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.preferences.ReadingPreferences;
import dispatch.audit.Axe;
import dispatch.support.BrowserTest;
import dispatch.audit.KeyboardWalk;
import dispatch.support.PageTypes.PageType;
import dispatch.web.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The site in Arabic, right to left, is held to the same bar as in English: axe finds nothing
 * on any page type, the skip link comes first and works, the keyboard reaches everything, and
 * the layout mirrors. Persian and Hebrew run right to left too, and Turkish left to right, on
 * a sample of pages.
 */
class InterfaceLanguagesTest extends BrowserTest {
    /** Pages whose whole Tab order is walked in Arabic too (the walk is the slow part); every page gets the rest. */
    private static final List<String> WALKED = List.of("front page", "article with lead figure and byline",
        "article in Arabic, right to left, with translations", "section, first page", "search results",
        "search with an error", "reading preferences", "not found (404)");

    private void interfaceIn(String language) {
        browser.reset();
        browser.open(site.url("/robots.txt")); // a page of the site, so the cookie has its host
        browser.driver().manage().deleteCookieNamed("dispatch_prefs");
        browser.driver().manage().addCookie(new Cookie("dispatch_prefs",
            ReadingPreferences.DEFAULT.withLanguage(language).cookieValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void every_page_in_arabic_passes_axe_and_the_keyboard_checks(PageType page) {
        interfaceIn("ar");
        browser.open(site.url(page.path()));
        assertEquals("rtl", browser.script("return document.documentElement.dir"));
        Results results = Axe.scan(browser.driver());
        assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
            () -> "axe violations on " + page + " in Arabic:\n" + Axe.describe(results.getViolations()));
        assertEquals(List.of(), KeyboardWalk.skipLink(browser, Messages.format("ar", "skipLink")), page.toString());
        if (WALKED.contains(page.name())) {
            assertEquals(List.of(), KeyboardWalk.walk(browser).problems(), page.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ar", "fa", "he", "tr"})
    void the_layout_mirrors_for_right_to_left_languages_and_reflows_at_320_px(String language) {
        interfaceIn(language);
        browser.open(site.url("/"));
        Number nameLeft = (Number) browser.script("return document.querySelector('.app-header__name').getBoundingClientRect().left");
        Number width = (Number) browser.script("return document.documentElement.clientWidth");
        boolean rightToLeft = !language.equals("tr");
        assertEquals(rightToLeft ? "rtl" : "ltr", browser.script("return getComputedStyle(document.body).direction"));
        // The publication's name starts the header: at the right edge in right-to-left, at the left otherwise.
        assertEquals(rightToLeft, nameLeft.doubleValue() > width.doubleValue() / 2,
            language + ": the header's name starts at " + nameLeft + " of " + width);
        Results results = Axe.scan(browser.driver());
        assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
            () -> language + ":\n" + Axe.describe(results.getViolations()));
        for (String path : List.of("/", "/articles/ar-erdogan-aliyev-nakhchivan", "/search?q=Erdogan", "/preferences")) {
            browser.width(320);
            browser.open(site.url(path));
            Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 1, path + " in " + language + " is " + overflow + "px too wide at 320px");
        }
    }

    @Test
    void a_keyboard_reader_switches_to_arabic_and_back_from_the_switcher() {
        browser.reset();
        browser.driver().manage().deleteAllCookies();
        browser.open(site.url("/sections"));
        Actions keys = new Actions(browser.driver());
        String focused = "";
        for (int i = 0; i < 40 && !focused.equals("العربية"); i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused = (String) browser.script("return document.activeElement.textContent.trim()");
        }
        assertEquals("العربية", focused, "the switcher is reachable by Tab");
        browser.loadsNewPage(() -> keys.sendKeys(Keys.ENTER).perform());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/sections"), "back on the same page");
        assertEquals(Map.of("lang", "ar", "dir", "rtl"), browser.script(
            "return {lang: document.documentElement.lang, dir: document.documentElement.dir}"));
        var english = browser.driver().findElement(By.cssSelector("nav.app-language a[hreflang=en]"));
        assertEquals("en", english.getAttribute("lang"));
        browser.loadsNewPage(english::click);
        assertEquals("en", browser.script("return document.documentElement.lang"));
    }
}
