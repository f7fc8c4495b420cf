package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.support.BrowserTest;
import dispatch.support.PageTypes.PageType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core over every page type of the reading site, at desktop width in the light colour scheme
 * and at 320 CSS px in the dark one: zero violations. Two views carry what four would: the
 * stylesheet's colours change with the scheme alone, and its widths change layout alone (no
 * element is shown or hidden by width, and the one font size that changes, the headline's, is
 * large text at both), so every colour pair is checked in both schemes and every layout at both
 * widths. Results axe could not decide ("incomplete", for a person to check) are printed with
 * the test output rather than thrown away.
 */
class AxePagesTest extends BrowserTest {
    /** The two views: width in CSS px, and colour scheme. */
    static final List<Object[]> VIEWS = List.of(new Object[] {1280, "light"}, new Object[] {320, "dark"});

    Stream<Arguments> pagesInEveryView() {
        List<Arguments> all = new ArrayList<>();
        for (PageType page : pages()) {
            for (Object[] view : VIEWS) {
                all.add(Arguments.of(page, view[0], view[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {1}px, {2}")
    @MethodSource("pagesInEveryView")
    void page_has_no_axe_violations(PageType page, int width, String scheme) {
        browser.reset();
        browser.colorScheme(scheme);
        browser.width(width);
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
