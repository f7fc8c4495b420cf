package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.support.Axe;
import dispatch.support.Browser;
import dispatch.support.PageTypes;
import dispatch.support.PageTypes.PageType;
import dispatch.support.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core over every page type of the reading site, at desktop width and at 320 CSS px, in the
 * light and dark colour schemes: zero violations. Results axe could not decide ("incomplete",
 * for a person to check) are printed with the test output rather than thrown away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AxePagesTest {
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

    Stream<Arguments> pagesInEveryView() {
        List<Arguments> all = new ArrayList<>();
        for (PageType page : PageTypes.all(site)) {
            for (int width : new int[] {1280, 320}) {
                for (String scheme : new String[] {"light", "dark"}) {
                    all.add(Arguments.of(page, width, scheme));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {1}px, {2}")
    @MethodSource("pagesInEveryView")
    void page_has_no_axe_violations(PageType page, int width, String scheme) {
        browser.reset();
        browser.width(width);
        browser.colorScheme(scheme);
        browser.open(site.url(page.path()));

        Results results = Axe.scan(browser.driver());

        System.out.println("axe on " + page + " at " + width + "px, " + scheme + ": " + results.getPasses().size()
            + " rules passed, " + results.getIncomplete().size() + " for a person to check, "
            + results.getViolations().size() + " violated (axe " + results.getTestEngine().getVersion() + ")");
        if (!results.getIncomplete().isEmpty()) {
            System.out.println("axe needs a person to check on " + page + " at " + width + "px, " + scheme + ":\n"
                + Axe.describe(results.getIncomplete()));
        }
        assertTrue(Axe.rulesRun(results).contains(Axe.ENHANCED_CONTRAST),
            "the AAA enhanced-contrast rule must run too");
        assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
            () -> "axe violations on " + page + " at " + width + "px, " + scheme + ":\n"
                + Axe.describe(results.getViolations()));
    }
}
