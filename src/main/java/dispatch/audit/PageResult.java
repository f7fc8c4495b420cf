package dispatch.audit;

import java.util.List;

/**
 * Everything the audit found on one page.
 *
 * @param title      the page's title, as the browser shows it
 * @param checks     one result per check, in {@link CheckResult#CHECKS} order
 * @param violations axe's violations (light scheme, 1280 px), every element kept
 * @param incomplete what axe could not decide and a person must check, every element kept
 * @param passes     the rules that passed, with the number of elements each looked at
 * @param inapplicable the rules that found nothing to test
 * @param error      why the page could not be checked at all; null when it was
 * @param outline    the page as a screen reader's elements list shows it, one line per landmark,
 *                   heading, link, image or control, in reading order (see {@link ScreenReaderOutline#structure})
 */
public record PageResult(String url, String title, List<CheckResult> checks, List<RuleResult> violations,
                         List<RuleResult> incomplete, List<RuleResult> passes, List<RuleResult> inapplicable,
                         String error, List<String> outline) {

    public PageResult {
        outline = outline == null ? List.of() : List.copyOf(outline);  // reports written before it was kept
    }

    /** A page whose outline was not read. */
    public PageResult(String url, String title, List<CheckResult> checks, List<RuleResult> violations,
                      List<RuleResult> incomplete, List<RuleResult> passes, List<RuleResult> inapplicable,
                      String error) {
        this(url, title, checks, violations, incomplete, passes, inapplicable, error, List.of());
    }

    public List<Problem> problems() {
        return checks.stream().flatMap(c -> c.problems().stream()).toList();
    }

    /** What the audit's own checks measured without deciding: for a person to check. */
    public List<Problem> toCheck() {
        return checks.stream().flatMap(c -> c.toCheck().stream()).toList();
    }

    /** Problems at A, AA or best practice: the ones that fail the audit. */
    public List<Problem> failures() {
        return problems().stream().filter(p -> !p.aaa()).toList();
    }
}
