package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.preferences.ReadingPreferences;
import dispatch.audit.Axe;
import dispatch.support.BrowserTest;
import dispatch.audit.KeyboardWalk;
import dispatch.support.PageTypes.PageType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;

/**
 * Every theme meets the 7:1 contrast goal (axe's enhanced-contrast rule), and the largest text
 * with wide spacing still reflows at 320 px, on a spread of page types, in a real browser,
 * with the preferences set the way a reader sets them: by the cookie the site writes.
 */
class ReadingPreferencesTest extends BrowserTest {
    /** A spread of page types: the layouts differ enough to matter; every page is checked in the default theme elsewhere. */
    private static final List<String> SAMPLE = List.of("front page", "article with a data table",
        "article in Arabic, right to left, with translations", "search results");

    Stream<Arguments> pagesInEveryTheme() {
        List<Arguments> all = new ArrayList<>();
        for (PageType page : pages()) {
            if (SAMPLE.contains(page.name())) {
                for (String theme : List.of("light", "dark", "contrast")) {
                    all.add(Arguments.of(page, theme));
                }
            }
        }
        return all.stream();
    }

    private void prefer(ReadingPreferences preferences) {
        browser.reset();
        browser.open(site.url("/robots.txt")); // a page of the site, so the cookie has its host
        browser.driver().manage().deleteCookieNamed("dispatch_prefs");
        browser.driver().manage().addCookie(new Cookie("dispatch_prefs", preferences.cookieValue()));
    }

    @ParameterizedTest(name = "{0} in the {1} theme")
    @MethodSource("pagesInEveryTheme")
    void every_theme_keeps_text_at_7_to_1_and_passes_axe(PageType page, String theme) {
        prefer(ReadingPreferences.of("standard", "standard", theme));
        browser.open(site.url(page.path()));
        assertTrue(((String) browser.script("return document.documentElement.className")).contains("app-theme-" + theme));
        Results results = Axe.scan(browser.driver());
        assertTrue(Axe.rulesRun(results).contains(Axe.ENHANCED_CONTRAST));
        assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
            () -> page + " in the " + theme + " theme:\n" + Axe.describe(results.getViolations()));
        assertEquals(List.of(), KeyboardWalk.walk(browser).problems(), "focus stays visible in the " + theme + " theme");
    }

    @ParameterizedTest(name = "{0} in the {1} theme")
    @MethodSource("pagesInEveryTheme")
    void the_largest_text_with_wide_spacing_still_reflows_at_320_px(PageType page, String theme) {
        prefer(ReadingPreferences.of("larger", "wide", theme));
        browser.width(320);
        browser.open(site.url(page.path()));
        Number overflow = (Number) browser.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = browser.script("""
            const w = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width));
            """);
        assertTrue(overflow.intValue() <= 1, page + " is " + overflow + "px too wide at 320px with the largest text: " + wide);
    }
}
