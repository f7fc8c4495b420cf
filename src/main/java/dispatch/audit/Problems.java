package dispatch.audit;

import java.util.ArrayList;
import java.util.List;

/** Turns what axe-core and the audit's own checks report into {@link Problem}s. */
final class Problems {

    /** One problem for every element that fails an axe rule. */
    static List<Problem> fromAxe(String page, String check, RuleResult rule) {
        List<Criterion> criteria = Wcag.criteria().forTags(rule.tags());
        String description = rule.description() == null ? "" : rule.description().strip();
        // axe's descriptions ("Ensure <img> elements have alternative text") end without a full stop.
        if (!description.isEmpty() && !description.matches("(?s).*[.!?]$")) {
            description += ".";
        }
        String why = description + (criteria.isEmpty() ? "" : " " + criteria.get(0).why());
        List<Problem> problems = new ArrayList<>();
        for (RuleResult.Element e : rule.nodes()) {
            problems.add(new Problem(page, check, rule.id(), rule.help(), e.impact() != null ? e.impact() : rule.impact(),
                level(criteria), numbers(criteria), e.target(), e.html(), e.summary(), why, rule.helpUrl()));
        }
        return problems;
    }

    /** A problem found by one of the audit's own checks, described by its rule in audit/checks.yaml. */
    static Problem own(String page, String check, String ruleId, String element, String message) {
        return own(page, check, ruleId, element, message, null);
    }

    /** The same, with what the check measured. */
    static Problem own(String page, String check, String ruleId, String element, String message, Evidence evidence) {
        CheckRule rule = CheckRule.get(ruleId);
        return worded(page, check, rule, element, message, rule.why(), rule.fix(), evidence);
    }

    /**
     * A finding of the newsroom's checks, which say why and how to fix for the text they found;
     * the rule gives its summary, impact and criteria.
     */
    static Problem worded(String page, String check, String ruleId, String element, String message, String why,
                          String fix) {
        return worded(page, check, CheckRule.get(ruleId), element, message, why, fix, null);
    }

    private static Problem worded(String page, String check, CheckRule rule, String element, String message,
                                  String why, String fix, Evidence evidence) {
        List<Criterion> criteria = rule.criteria().stream().map(Wcag.criteria()::get).toList();
        return new Problem(page, check, rule.id(), rule.summary(), rule.impact(), level(criteria), rule.criteria(),
            element, null, message + "\nHow to fix: " + fix, why,
            criteria.isEmpty() ? null : criteria.get(0).understandingUrl(), evidence);
    }

    /** The highest level among the criteria; a rule tied to none is a best practice. */
    static String level(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return "best practice";
        }
        return criteria.stream().map(Criterion::level).max((a, b) -> a.length() - b.length()).orElseThrow();
    }

    private static List<String> numbers(List<Criterion> criteria) {
        return criteria.stream().map(Criterion::sc).toList();
    }

    private Problems() {}
}
