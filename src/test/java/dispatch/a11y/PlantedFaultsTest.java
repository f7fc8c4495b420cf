package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import dispatch.audit.Axe;
import dispatch.audit.Browser;
import dispatch.support.SharedBrowser;
import dispatch.support.HtmlValidator;
import dispatch.audit.KeyboardWalk;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks are only worth something if they fail on a bad page: this one opens a page with
 * known faults planted in it and shows that axe, the keyboard walk and the HTML checker each
 * catch theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class PlantedFaultsTest {
    private Browser browser;
    private Path fixture;

    @BeforeAll
    void open() throws URISyntaxException {
        fixture = Path.of(getClass().getResource("/fixtures/planted-faults.html").toURI());
        browser = SharedBrowser.clean();
    }


    @Test
    void axe_catches_every_planted_fault_including_the_aaa_contrast_one() {
        browser.reset();
        browser.open(fixture.toUri().toString());
        Results results = Axe.scan(browser.driver());
        List<String> found = results.getViolations().stream().map(r -> r.getId()).toList();
        for (String rule : List.of("image-alt", "color-contrast", Axe.ENHANCED_CONTRAST, "html-has-lang",
                "heading-order", "label")) {
            assertTrue(found.contains(rule), rule + " was not reported; found " + found);
        }
    }

    @Test
    void keyboard_checks_catch_the_missing_skip_link_invisible_focus_and_the_trap() {
        browser.reset();
        browser.open(fixture.toUri().toString());
        List<String> skip = KeyboardWalk.skipLink(browser);
        assertTrue(skip.stream().anyMatch(p -> p.startsWith("the first Tab stop is not a skip link")), skip.toString());

        browser.open(fixture.toUri().toString());
        KeyboardWalk.Result walk = KeyboardWalk.walk(browser);
        List<String> problems = walk.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("no visible focus indicator on a")), problems.toString());
        assertTrue(walk.trapped(), "the trap in the text field is found: " + problems);
    }

    @Test
    void the_html_checker_catches_the_invalid_markup() throws Exception {
        List<String> errors = new HtmlValidator().errors(Files.readString(fixture));
        assertTrue(errors.stream().anyMatch(e -> e.contains("alt")), errors.toString());
    }
}
