package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.FixtureSite;
import dispatch.support.SharedBrowser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precision: pages written the way WCAG's sufficient techniques have them, which an audit must
 * pass without a word. Each is checked by every check of the audit; the skip link and the
 * keyboard walk must find nothing at all on them (no failure, nothing for a person to check, no
 * AAA finding), and the other checks no failure. The pages are in
 * src/test/resources/audit-fixture/good: the browser's own styles, GOV.UK-style components, focus
 * styles that are not outlines, a page with nothing to bypass, and a sticky header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class KnownGoodPagesTest {
    private FixtureSite site;
    private Browser browser;
    private PageChecks checks;

    @BeforeAll
    void start() {
        site = new FixtureSite();
        browser = SharedBrowser.clean();
        checks = new PageChecks(browser);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"browser-defaults.html", "govuk-components.html", "focus-styles.html",
        "nothing-to-bypass.html", "sticky-header.html"})
    void a_page_that_follows_the_techniques_gets_no_finding(String page) {
        PageResult result = checks.check(site.url("/good/" + page));

        assertNull(result.error(), page);
        assertTrue(result.checks().stream().noneMatch(c -> c.status().equals("error")), () -> result.checks().toString());
        for (CheckResult check : result.checks()) {
            if (check.check().equals("skip-link") || check.check().equals("keyboard")) {
                assertEquals(List.of(), lines(check.problems()), page + ": " + check.name());
                assertEquals(List.of(), lines(check.toCheck()), page + ": " + check.name() + ", for a person to check");
            }
        }
        assertEquals(List.of(), lines(result.failures()), page);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"browser-defaults.html", "govuk-components.html"})
    void the_skip_link_is_followed_where_the_main_content_is_below_the_window(String page) {
        // The skip link only proves itself when it has somewhere to go: on these pages the main
        // content starts below the first screen, so Enter must scroll it into view.
        browser.reset();
        browser.open(site.url("/good/" + page));
        Number top = (Number) browser.script("return document.querySelector('main').getBoundingClientRect().top - innerHeight");
        assertTrue(top.doubleValue() > 0, page + ": the main content starts " + top + " px below the window");
        assertEquals(List.of(), SkipLink.audit(browser), page);
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(p -> p.rule() + " at " + p.element() + ": " + p.detail().lines().findFirst().orElse("")
            + (p.evidence() == null ? "" : " [" + p.evidence().measured() + "]")).toList();
    }
}
