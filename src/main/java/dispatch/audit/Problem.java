package dispatch.audit;

import java.util.List;

/**
 * One problem on one page: an element that fails an axe-core rule or one of the audit's own
 * checks. Problems are what the reports list, count and compare between runs.
 *
 * @param check    the check that found it (axe, skip-link, keyboard, text-spacing, reflow, dark-scheme)
 * @param rule     the axe rule id or the audit's own rule id (see audit/checks.yaml)
 * @param impact   critical, serious, moderate or minor (axe's scale)
 * @param level    the highest WCAG level among its criteria (A, AA or AAA), or "best practice"
 * @param criteria the WCAG success criteria it fails, "1.4.3"; empty for a best practice
 * @param element  where: a CSS selector, or a description of the focus stop
 * @param html     the element's HTML, when known
 * @param detail   what exactly is wrong with this element, and how to fix it
 * @param why      why it matters to people
 * @param helpUrl  more on the rule and how to fix it
 * @param evidence what the check measured (numbers, pictures), or null
 */
public record Problem(String page, String check, String rule, String summary, String impact, String level,
                      List<String> criteria, String element, String html, String detail, String why,
                      String helpUrl, Evidence evidence) {

    /** A problem with no evidence beyond its detail (axe's, whose detail says what it measured). */
    public Problem(String page, String check, String rule, String summary, String impact, String level,
                   List<String> criteria, String element, String html, String detail, String why, String helpUrl) {
        this(page, check, rule, summary, impact, level, criteria, element, html, detail, why, helpUrl, null);
    }

    /** Identifies the same problem in two runs: same page, check, rule and element. */
    public String key() {
        return page + "\n" + check + "\n" + rule + "\n" + element;
    }

    /** AAA problems are reported in a section of their own and do not fail the audit. */
    public boolean aaa() {
        return "AAA".equals(level);
    }

    public int severity() {
        return Severity.rank(impact);
    }
}
