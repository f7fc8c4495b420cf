package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.BrowserTest;
import dispatch.audit.KeyboardWalk;
import dispatch.support.PageTypes.PageType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page type used with the keyboard alone, as a keyboard-only reader would. */
class KeyboardTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void first_tab_reaches_a_visible_skip_link_and_enter_moves_focus_into_the_main_content(PageType page) {
        open(page, 1280);
        assertEquals(List.of(), KeyboardWalk.skipLink(browser), page.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void every_focus_stop_is_visible_in_reading_order_and_nothing_traps_the_keyboard(PageType page) {
        for (int width : new int[] {1280, 320}) {
            open(page, width);

            KeyboardWalk.Result walk = KeyboardWalk.walk(browser);

            assertTrue(walk.stops().size() > 3, "a page has several focus stops");
            assertEquals(List.of(), walk.problems(), page + " at " + width + "px");
        }
    }

    /** A spread of layouts for forced colours; every page is walked in the default colours above. */
    List<PageType> forcedColorsSample() {
        return pages().stream().filter(p -> List.of("front page", "article with lead figure and byline",
            "search results", "reading preferences", "not found (404)", "topic, last page").contains(p.name())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forcedColorsSample")
    void focus_stays_visible_in_forced_colors_mode(PageType page) {
        browser.reset();
        browser.forcedColors();
        browser.open(site.url(page.path()));
        assertEquals(Boolean.TRUE, browser.script("return matchMedia('(forced-colors: active)').matches"));

        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);

        assertEquals(List.of(), walk.problems(), page + " in forced-colors mode");
    }
}
