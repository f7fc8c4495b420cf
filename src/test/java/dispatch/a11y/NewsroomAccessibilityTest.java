package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.audit.KeyboardWalk;
import dispatch.preferences.PreferencesFilter;
import dispatch.preferences.ReadingPreferences;
import dispatch.support.NewsroomViews;
import dispatch.support.NewsroomViews.View;
import dispatch.support.SharedBrowser;
import dispatch.support.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;

/**
 * The newsroom is held to the public site's bar: axe in the reading site's two views (1280 px in
 * the light scheme, 320 px in the dark; see {@link AxePagesTest}: the newsroom's stylesheet, like
 * the site's, changes colours with the scheme alone and shows or hides nothing by width), and the
 * keyboard checks, on every page and state an editor meets; and in Arabic, right to left, axe at
 * 320 px, where a layout that does not mirror is the first to break, on the same pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class NewsroomAccessibilityTest {
    private final TestSite site = TestSite.newsroom();
    private Browser browser;
    /** The four people the views are seen as, each the cookies of their browser. */
    private List<Map<String, Object>> signedIn;
    private List<Map<String, Object>> signedOut;
    private List<Map<String, Object>> arabicSignedIn;
    private List<Map<String, Object>> arabicSignedOut;

    /**
     * Four people in the run's one browser: each view is seen with one person's cookies put back,
     * as in a browser of their own, and nothing else carried over from the view before.
     */
    @BeforeAll
    void start() {
        browser = SharedBrowser.clean();
        signedOut = SharedBrowser.cookies(browser);
        NewsroomViews.signIn(browser, site, "admin@meridian-east.example", site.password("admin@meridian-east.example"));
        signedIn = SharedBrowser.cookies(browser);
        SharedBrowser.useCookies(browser, List.of());
        interfaceIn(browser, "ar");
        arabicSignedOut = SharedBrowser.cookies(browser);
        NewsroomViews.signIn(browser, site, "admin@meridian-east.example", site.password("admin@meridian-east.example"));
        arabicSignedIn = SharedBrowser.cookies(browser);
    }

    /** The browser, with the cookies of one of the four people. */
    private Browser as(List<Map<String, Object>> person) {
        SharedBrowser.useCookies(browser, person);
        return browser;
    }

    /** Chooses the interface language the way a staff member does: the reading preferences cookie. */
    private void interfaceIn(Browser browser, String language) {
        browser.open(site.url("/robots.txt")); // a page of the site, so the cookie has its host
        browser.driver().manage().addCookie(new Cookie(PreferencesFilter.COOKIE,
            ReadingPreferences.DEFAULT.withLanguage(language).cookieValue()));
    }

    Stream<Arguments> views() {
        List<Arguments> all = new ArrayList<>();
        for (View view : NewsroomViews.all(site)) {
            all.add(Arguments.of(view, true));
        }
        for (View view : NewsroomViews.signedOut(site)) {
            all.add(Arguments.of(view, false));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void newsroom_view_has_no_axe_violations_in_either_view(View view, boolean staff) {
        Browser browser = as(staff ? signedIn : signedOut);
        for (Object[] each : AxePagesTest.VIEWS) {
            int width = (Integer) each[0];
            String scheme = (String) each[1];
            browser.reset();
            browser.colorScheme(scheme);
            browser.width(width);
            view.open().accept(browser);
            Results results = Axe.scan(browser.driver());
            if (!results.getIncomplete().isEmpty()) {
                System.out.println("axe needs a person to check on newsroom " + view + " at " + width + "px, "
                    + scheme + ":\n" + Axe.describe(results.getIncomplete()));
            }
            assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
                () -> "axe violations on newsroom " + view + " at " + width + "px, " + scheme + ":\n"
                    + Axe.describe(results.getViolations()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void newsroom_view_in_arabic_is_right_to_left_and_has_no_axe_violations(View view, boolean staff) {
        Browser browser = as(staff ? arabicSignedIn : arabicSignedOut);
        browser.reset();
        browser.width(320);
        view.open().accept(browser);
        assertEquals(Map.of("lang", "ar", "dir", "rtl"), browser.script(
            "return {lang: document.documentElement.lang, dir: document.documentElement.dir}"), view.toString());
        Results results = Axe.scan(browser.driver());
        assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
            () -> "axe violations on newsroom " + view + " in Arabic at 320px:\n" + Axe.describe(results.getViolations()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void newsroom_view_works_by_keyboard(View view, boolean staff) {
        Browser browser = as(staff ? signedIn : signedOut);
        browser.reset();
        view.open().accept(browser);
        assertEquals(List.of(), KeyboardWalk.skipLink(browser), view.toString());
        view.open().accept(browser);
        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);
        assertTrue(walk.stops().size() > 3);
        if (!walk.toCheck().isEmpty()) {
            System.out.println("keyboard walk, for a person to check on newsroom " + view + ":\n  "
                + String.join("\n  ", walk.toCheck()));
        }
        assertEquals(List.of(), walk.problems(), view.toString());
    }
}
