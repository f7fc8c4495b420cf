package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browser;
import dispatch.support.KeyboardWalk;
import dispatch.support.PageTypes;
import dispatch.support.PageTypes.PageType;
import dispatch.support.TestSite;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page type used with the keyboard alone, as a keyboard-only reader would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardTest {
    private final TestSite site = TestSite.demo();
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    List<PageType> pages() {
        return PageTypes.all(site);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void first_tab_reaches_a_visible_skip_link_and_enter_moves_focus_into_the_main_content(PageType page) {
        browser.reset();
        browser.open(site.url(page.path()));
        assertEquals(List.of(), KeyboardWalk.skipLink(browser), page.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void every_focus_stop_is_visible_in_reading_order_and_nothing_traps_the_keyboard(PageType page) {
        for (int width : new int[] {1280, 320}) {
            browser.reset();
            browser.width(width);
            browser.open(site.url(page.path()));

            KeyboardWalk.Result walk = KeyboardWalk.walk(browser);

            assertTrue(walk.stops().size() > 3, "a page has several focus stops");
            assertEquals(List.of(), walk.problems(), page + " at " + width + "px");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void focus_stays_visible_in_forced_colors_mode(PageType page) {
        browser.reset();
        browser.forcedColors();
        browser.open(site.url(page.path()));
        assertEquals(Boolean.TRUE, browser.script("return matchMedia('(forced-colors: active)').matches"));

        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);

        assertEquals(List.of(), walk.problems(), page + " in forced-colors mode");
    }
}
