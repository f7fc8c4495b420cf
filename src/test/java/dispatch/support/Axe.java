package dispatch.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;

/**
 * axe-core with the rules this project holds every page to: WCAG 2.0, 2.1 and 2.2 at A and AA,
 * axe's best practices, and the AAA enhanced-contrast rule (7:1).
 */
public final class Axe {
    public static final List<String> TAGS = List.of(
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    public static final String ENHANCED_CONTRAST = "color-contrast-enhanced";

    public static Results scan(WebDriver driver) {
        return new AxeBuilder().withTags(TAGS).withRules(List.of(ENHANCED_CONTRAST)).analyze(driver);
    }

    /** Every rule id that ran on the page, whatever its outcome. */
    public static List<String> rulesRun(Results results) {
        return Stream.of(results.getPasses(), results.getViolations(), results.getIncomplete())
            .flatMap(List::stream).map(Rule::getId).distinct().toList();
    }

    /** A readable account of violations (or incomplete results): rule, impact, help and elements. */
    public static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + "\n" + rule.getNodes().stream().map(Axe::node).collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : " – " + node.getFailureSummary().replace('\n', ' ');
        return "      " + node.getTarget() + summary;
    }

    private Axe() {}
}
