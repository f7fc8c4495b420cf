package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.support.HtmlValidator;
import dispatch.support.SharedBrowser;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit's own HTML files meet the bar they hold other pages to: valid HTML, no axe
 * violations (with 7:1 contrast) wide in the light scheme and narrow in the dark one, a working skip
 * link, a clean keyboard walk, and reflow with the text-spacing override. They are checked as
 * written for the fixture site, so they are full of problems to show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ReportAccessibilityTest {
    private final FixtureAudit audit = FixtureAudit.get();
    private Browser browser;

    @BeforeAll
    void start() {
        browser = SharedBrowser.clean();
    }


    private String url(String file) {
        return audit.out().resolve(file).toUri().toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report.html", "acr.html"})
    void has_no_axe_violations_wide_and_light_or_narrow_and_dark(String file) {
        for (String view : List.of("1280 light", "320 dark")) {
            int width = Integer.parseInt(view.split(" ")[0]);
            String scheme = view.split(" ")[1];
            browser.reset();
            browser.colorScheme(scheme);
            browser.width(width);
            browser.open(url(file));
            Results results = Axe.scan(browser.driver());
            assertEquals(List.of(), results.getViolations().stream().map(r -> r.getId()).toList(),
                () -> file + " at " + width + " px, " + scheme + ":\n" + Axe.describe(results.getViolations()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report.html", "acr.html"})
    void works_with_the_keyboard_alone(String file) {
        browser.reset();
        browser.open(url(file));
        assertEquals(List.of(), KeyboardWalk.skipLink(browser), file);
        browser.open(url(file));
        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);
        assertTrue(walk.stops().size() > 10, file + " has many links");
        assertEquals(List.of(), walk.problems(), file);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report.html", "acr.html"})
    void reflows_at_320_px_with_wider_text_spacing(String file) {
        browser.reset();
        browser.width(320);
        browser.open(url(file));
        assertEquals(List.of(), Reflow.lostContent(browser), file + " at 320 px");
        Reflow.spaceText(browser);
        assertEquals(List.of(), Reflow.lostContent(browser), file + " at 320 px with the text-spacing override");
    }

    /**
     * Properties of current CSS (logical properties, color-scheme, underline styling) that the
     * Nu checker's bundled CSS validator predates. The reports embed their styles so that each
     * is one file to hand on, and the checker reads embedded styles, unlike the site's linked
     * stylesheet; any other CSS message still fails.
     */
    private static final List<String> NEWER_CSS = List.of("color-scheme", "text-decoration-thickness",
        "text-underline-offset", "padding-inline", "padding-inline-start", "padding-block", "margin-inline-start",
        "border-inline-start", "inset-inline-start", "inset-inline-end", "margin-inline", "margin-block",
        "padding-inline-end", "margin-inline-end", "border-inline-end");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report.html", "acr.html"})
    void is_valid_html(String file) throws Exception {
        List<String> errors = new HtmlValidator().errors(Files.readString(audit.out().resolve(file))).stream()
            .filter(e -> NEWER_CSS.stream().noneMatch(p -> e.endsWith("CSS: “" + p + "”: Property “" + p + "” doesn't exist.")))
            .toList();
        assertEquals(List.of(), errors, file);
    }
}
