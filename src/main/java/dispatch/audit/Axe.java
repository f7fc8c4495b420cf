package dispatch.audit;

import com.deque.html.axecore.args.AxeRunOptions;
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
 * axe's best practices, and the AAA enhanced-contrast rule (7:1). The audit runs every AAA rule
 * as well, and reports those apart.
 */
public final class Axe {
    public static final List<String> TAGS = List.of(
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    public static final String ENHANCED_CONTRAST = "color-contrast-enhanced";
    /** axe's AAA rules. They are off by default in axe, so they are named as well as tagged. */
    public static final List<String> AAA_RULES = List.of(
        ENHANCED_CONTRAST, "identical-links-same-purpose", "meta-refresh-no-exceptions");
    /** The rules that depend on colours, run again in the dark colour scheme. */
    public static final List<String> COLOUR_RULES = List.of("color-contrast", ENHANCED_CONTRAST, "link-in-text-block");

    /**
     * The project's own bar for its pages: A, AA, best practices and 7:1 contrast. It runs in the
     * page, as {@code axe.run} (axe's "legacy mode"): the same rules over the same page, but without
     * the second window that the default partial run opens to put the results together, and a
     * second copy of axe injected into it, which cost more than a second a page. The site's pages
     * are the site's own, with no cross-origin frames for that isolation to guard against.
     * Passed rules come back with one element each rather than every element they passed on:
     * which rules ran and passed is what is read of them, never where.
     */
    public static Results scan(WebDriver driver) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations", "incomplete", "inapplicable"));
        return new AxeBuilder().withOptions(options).withTags(TAGS).withRules(List.of(ENHANCED_CONTRAST))
            .setLegacyMode(true).analyze(driver);
    }

    /** What the audit runs on every page: A, AA, best practices and every AAA rule. */
    public static Results audit(WebDriver driver) {
        List<String> tags = new java.util.ArrayList<>(TAGS);
        tags.add("wcag2aaa");
        return new AxeBuilder().withTags(tags).withRules(AAA_RULES).analyze(driver);
    }

    /** Only the colour rules, for a second look at the page in another colour scheme. */
    public static Results colours(WebDriver driver) {
        return new AxeBuilder().withOnlyRules(COLOUR_RULES).analyze(driver);
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
