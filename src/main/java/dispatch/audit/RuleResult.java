package dispatch.audit;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import java.util.List;

/**
 * One axe-core rule's result on one page, as kept in report.json. Violations and results that
 * need a person ("incomplete") keep every element; passes and inapplicable rules keep the count
 * only, which is what a reader needs from them and keeps the file a readable size.
 */
public record RuleResult(String id, String impact, List<String> tags, String description, String help,
                         String helpUrl, int elements, List<Element> nodes) {

    /** One element a rule looked at: its CSS selector, its HTML, and what axe said about it. */
    public record Element(String target, String html, String impact, String summary) {}

    /** The same rule with these of its elements only. */
    RuleResult withNodes(List<Element> kept) {
        return new RuleResult(id, impact, tags, description, help, helpUrl, kept.size(), kept);
    }

    static RuleResult of(Rule rule, boolean withElements) {
        List<CheckedNode> nodes = rule.getNodes() == null ? List.of() : rule.getNodes();
        List<Element> elements = withElements
            ? nodes.stream().map(n -> new Element(target(n.getTarget()), n.getHtml(), n.getImpact(),
                n.getFailureSummary())).toList()
            : List.of();
        return new RuleResult(rule.getId(), rule.getImpact(), rule.getTags() == null ? List.of() : rule.getTags(),
            rule.getDescription(), rule.getHelp(), rule.getHelpUrl(), nodes.size(), elements);
    }

    /** axe gives a list of selectors (one per frame or shadow root): joined, outermost first. */
    static String target(Object target) {
        if (target instanceof List<?> parts) {
            return String.join(" >>> ", parts.stream().map(String::valueOf).toList());
        }
        return String.valueOf(target);
    }

    static List<RuleResult> of(List<Rule> rules, boolean withElements) {
        return rules == null ? List.of() : rules.stream().map(r -> of(r, withElements)).toList();
    }
}
