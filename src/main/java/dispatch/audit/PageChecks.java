package dispatch.audit;

import com.deque.html.axecore.results.Results;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every check of the audit on one page, in one browser:
 * <ol>
 * <li>axe-core (A, AA, best practices and AAA) at 1280 px in the light scheme;</li>
 * <li>what a screen reader announces, from the browser's accessibility tree, on the same load;</li>
 * <li>what the page says, by the newsroom's checks of link text, alt text, capitals and
 *     passages in another script, on the same load;</li>
 * <li>the skip link, then a walk with the Tab key over every focus stop;</li>
 * <li>the WCAG 1.4.12 text-spacing override, at the same width;</li>
 * <li>reflow: the page loaded again in a window 320 CSS px wide;</li>
 * <li>the page loaded again in the dark colour scheme, with axe's colour rules.</li>
 * </ol>
 * A check that fails to run is recorded with its reason; the others still run.
 */
final class PageChecks {
    private final Browser browser;
    private String axeVersion = "not run";

    PageChecks(Browser browser) {
        this.browser = browser;
    }

    /** The version of axe-core that ran, as axe reports it. */
    String axeVersion() {
        return axeVersion;
    }

    PageResult check(String url) {
        try {
            browser.reset();
            browser.open(url);
            String type = (String) browser.script("return document.contentType");
            if (type != null && !type.contains("html")) {
                return failed(url, "", "not an HTML page (" + type + ")");
            }
        } catch (RuntimeException e) {
            return failed(url, "", "the page did not load: " + oneLine(e));
        }
        String title = browser.driver().getTitle();
        List<CheckResult> checks = new ArrayList<>();
        List<RuleResult> violations = List.of();
        List<RuleResult> incomplete = List.of();
        List<RuleResult> passes = List.of();
        List<RuleResult> inapplicable = List.of();
        long start = System.nanoTime();
        try {
            Results axe = Axe.audit(browser.driver());
            if (axe.getTestEngine() != null) {
                axeVersion = axe.getTestEngine().getVersion();
            }
            if (axe.isErrored()) {
                checks.add(CheckResult.error("axe", "axe-core failed: " + axe.getErrorMessage(), since(start)));
            } else {
                AxeResults judged = browserSized(RuleResult.of(axe.getViolations(), true),
                    RuleResult.of(axe.getIncomplete(), true));
                violations = judged.violations();
                incomplete = judged.incomplete();
                passes = RuleResult.of(axe.getPasses(), false);
                inapplicable = RuleResult.of(axe.getInapplicable(), false);
                checks.add(CheckResult.of("axe", violations.stream()
                    .flatMap(r -> Problems.fromAxe(url, "axe", r).stream()).toList(), since(start)));
            }
        } catch (RuntimeException e) {
            checks.add(CheckResult.error("axe", oneLine(e), since(start)));
        }
        List<String> structure = new ArrayList<>();
        checks.add(judged("screen-reader", url, () -> {
            ScreenReaderOutline outline = ScreenReaderOutline.of(browser);
            structure.addAll(outline.structure());
            return outline.issues();
        }));
        long reading = System.nanoTime();
        try {
            PageText.Found text = PageText.check(url, browser);
            checks.add(CheckResult.of("page-text", text.certain(), text.toCheck(), since(reading)));
        } catch (RuntimeException e) {
            checks.add(CheckResult.error("page-text", oneLine(e), since(reading)));
        }
        checks.add(judged("skip-link", url, () -> SkipLink.audit(browser)));
        checks.add(judged("keyboard", url, () -> KeyboardWalk.walk(browser).issues()));
        List<Reflow.Loss> atFullWidth = new ArrayList<>();
        checks.add(losses("text-spacing", url, () -> {
            atFullWidth.addAll(Reflow.losses(browser));
            Reflow.spaceText(browser);
            // Only what the override cuts off: anything already cut off is the page's design.
            return lost(Reflow.losses(browser), atFullWidth);
        }));
        checks.add(losses("reflow", url, () -> {
            browser.reset();
            browser.width(320);
            browser.open(url);
            return lost(Reflow.losses(browser), atFullWidth);
        }));
        List<RuleResult> light = violations;
        checks.add(run("dark-scheme", () -> {
            browser.reset();
            browser.colorScheme("dark");
            browser.open(url);
            return darkOnly(url, Axe.colours(browser.driver()), light);
        }));
        return new PageResult(url, title, checks, violations, incomplete, passes, inapplicable, null, structure);
    }

    /** axe's violations and what it leaves for a person to check. */
    private record AxeResults(List<RuleResult> violations, List<RuleResult> incomplete) {}

    /** Whether each element is a form control the browser draws and sizes (its appearance is not none). */
    private static final String BROWSER_SIZED = """
        return arguments[0].map(t => {
          try {
            const e = document.querySelector(t);
            return !!e && e.matches('input:not([type=image]), select, textarea') && getComputedStyle(e).appearance !== 'none';
          } catch (x) {
            return false;
          }
        });
        """;

    /**
     * axe's target-size rule cannot tell a control the browser sizes from one the author sized,
     * and 2.5.8 exempts the first ("determined by the user agent and not modified by the
     * author"). A native form control, drawn by the browser, that axe finds too small is moved to
     * the results for a person to check, who can see whether the author changed its size.
     */
    @SuppressWarnings("unchecked")
    private AxeResults browserSized(List<RuleResult> violations, List<RuleResult> incomplete) {
        List<RuleResult> kept = new ArrayList<>();
        List<RuleResult> toCheck = new ArrayList<>(incomplete);
        for (RuleResult rule : violations) {
            if (!rule.id().equals("target-size")) {
                kept.add(rule);
                continue;
            }
            List<Boolean> byTheBrowser = (List<Boolean>) browser.script(BROWSER_SIZED,
                rule.nodes().stream().map(RuleResult.Element::target).toList());
            List<RuleResult.Element> sized = new ArrayList<>();
            List<RuleResult.Element> byBrowser = new ArrayList<>();
            for (int i = 0; i < rule.nodes().size(); i++) {
                RuleResult.Element e = rule.nodes().get(i);
                if (Boolean.TRUE.equals(byTheBrowser.get(i))) {
                    byBrowser.add(new RuleResult.Element(e.target(), e.html(), e.impact(),
                        (e.summary() == null ? "" : e.summary() + "\n") + "The browser draws this form control at its own size, which 2.5.8 exempts unless the page's"
                        + " author changed it: a person must check."));
                } else {
                    sized.add(e);
                }
            }
            if (!sized.isEmpty()) {
                kept.add(rule.withNodes(sized));
            }
            if (!byBrowser.isEmpty()) {
                toCheck.add(rule.withNodes(byBrowser));
            }
        }
        return new AxeResults(kept, toCheck);
    }

    private static List<Reflow.Loss> lost(List<Reflow.Loss> losses, List<Reflow.Loss> before) {
        Set<String> already = new HashSet<>();
        before.forEach(l -> already.add(l.element()));
        return losses.stream().filter(l -> !already.contains(l.element())).toList();
    }

    /** A check of lost content, whose rule is the check's own name. */
    private static CheckResult losses(String check, String url, Supplier<List<Reflow.Loss>> body) {
        return judged(check, url, () -> body.get().stream()
            .map(l -> new KeyboardWalk.Issue(check, l.message(), l.element(), l.certain(), null)).toList());
    }

    /**
     * Colour problems of the dark scheme that the light scheme does not have: a page that
     * ignores the reader's dark setting shows the same colours twice, and its problems are
     * reported once, by the axe check.
     */
    private static List<Problem> darkOnly(String url, Results dark, List<RuleResult> light) {
        if (dark.isErrored()) {
            throw new IllegalStateException("axe-core failed: " + dark.getErrorMessage());
        }
        Set<String> inLight = new HashSet<>();
        for (RuleResult rule : light) {
            rule.nodes().forEach(n -> inLight.add(rule.id() + " " + n.target()));
        }
        return RuleResult.of(dark.getViolations(), true).stream()
            .flatMap(r -> Problems.fromAxe(url, "dark-scheme", r).stream())
            .filter(p -> !inLight.contains(p.rule() + " " + p.element()))
            .toList();
    }

    /** A check whose findings are certain failures or, when it cannot decide, for a person to check. */
    private static CheckResult judged(String check, String url, Supplier<List<KeyboardWalk.Issue>> body) {
        long start = System.nanoTime();
        try {
            List<KeyboardWalk.Issue> issues = body.get();
            return CheckResult.of(check, problems(url, check, issues, true), problems(url, check, issues, false),
                since(start));
        } catch (RuntimeException e) {
            return CheckResult.error(check, oneLine(e), since(start));
        }
    }

    private static List<Problem> problems(String url, String check, List<KeyboardWalk.Issue> issues, boolean certain) {
        return issues.stream().filter(i -> i.certain() == certain)
            .map(i -> Problems.own(url, check, i.rule(), i.element(), i.message(), i.evidence())).toList();
    }

    private static CheckResult run(String check, Supplier<List<Problem>> body) {
        long start = System.nanoTime();
        try {
            return CheckResult.of(check, body.get(), since(start));
        } catch (RuntimeException e) {
            return CheckResult.error(check, oneLine(e), since(start));
        }
    }

    private static long since(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static PageResult failed(String url, String title, String error) {
        List<CheckResult> checks = CheckResult.CHECKS.stream().map(c -> CheckResult.error(c, error, 0)).toList();
        return new PageResult(url, title, checks, List.of(), List.of(), List.of(), List.of(), error);
    }

    /** The first line of an exception's message: Selenium's messages go on for pages. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse("").strip();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
