package dispatch.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What report.html shows, worked out here so that the template only lays it out: the summary
 * first (totals, problems by severity and by success criterion, changes since the previous
 * run), then the problems page by page, grouped by rule, with why each matters and how to fix it.
 */
public record ReportPage(String css, AuditReport report, String date, Totals totals, List<Count> bySeverity,
                         List<Count> byCriterion, List<PageSection> failing, List<PageSection> aaa,
                         List<PageSection> toReview, List<PageRow> pages) {

    /** The numbers at the top of the report. */
    public record Totals(int pages, int pagesWithProblems, int problems, int aaa, int needReview, long errors) {}

    /** A row of a summary table: problems and pages for one severity or one success criterion. */
    public record Count(String label, String level, String url, int problems, int pages) {}

    /** One page's problems. */
    public record PageSection(String id, String url, String title, List<RuleGroup> groups) {}

    /** The elements of one page that fail one rule, with what the rule is about. */
    public record RuleGroup(String rule, String summary, String impact, String level, List<String> criteria,
                            String why, String fix, String helpUrl, List<Item> items) {}

    /** One element: where it is, its HTML, what is wrong with it, and what was measured (or null). */
    public record Item(String element, String html, String detail, Evidence evidence) {}

    /** A row of the list of every page checked, with what a screen reader announces on it. */
    public record PageRow(String id, String url, String title, int problems, int aaa, String status,
                          List<String> outline) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    /** How far around a focused element the keyboard walk pictures it, in CSS pixels. */
    public int focusMargin() {
        return FocusView.MARGIN;
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    public static ReportPage of(AuditReport report, String css) {
        List<Problem> failures = report.failures();
        Map<String, Integer> pageIds = new LinkedHashMap<>();
        report.pages().forEach(p -> pageIds.putIfAbsent(p.url(), pageIds.size() + 1));
        List<PageSection> failing = new ArrayList<>();
        List<PageSection> aaa = new ArrayList<>();
        List<PageSection> toReview = new ArrayList<>();
        List<PageRow> rows = new ArrayList<>();
        for (PageResult page : report.pages()) {
            int id = pageIds.get(page.url());
            List<RuleGroup> groups = groups(page, p -> !p.aaa());
            if (!groups.isEmpty()) {
                failing.add(new PageSection("page-" + id, page.url(), page.title(), groups));
            }
            List<RuleGroup> aaaGroups = groups(page, Problem::aaa);
            if (!aaaGroups.isEmpty()) {
                aaa.add(new PageSection("aaa-page-" + id, page.url(), page.title(), aaaGroups));
            }
            List<RuleGroup> review = new ArrayList<>(page.incomplete().stream().map(ReportPage::reviewGroup).toList());
            review.addAll(groups(page.toCheck(), p -> true));
            if (!review.isEmpty()) {
                toReview.add(new PageSection("review-page-" + id, page.url(), page.title(), review));
            }
            rows.add(new PageRow(groups.isEmpty() ? null : "page-" + id, page.url(), page.title(),
                page.failures().size(), page.problems().size() - page.failures().size(), status(page), page.outline()));
        }
        int needReview = report.pages().stream().flatMap(p -> p.incomplete().stream()).mapToInt(RuleResult::elements).sum()
            + report.pages().stream().mapToInt(p -> p.toCheck().size()).sum();
        Totals totals = new Totals(report.pages().size(),
            (int) report.pages().stream().filter(p -> !p.failures().isEmpty()).count(), failures.size(),
            report.aaa().size(), needReview, report.errors());
        return new ReportPage(css, report, date(report.finished()), totals, bySeverity(failures),
            byCriterion(report.problems()), failing, aaa, toReview, rows);
    }

    private static String status(PageResult page) {
        if (page.error() != null) {
            return "Not checked: " + page.error();
        }
        List<String> failed = page.checks().stream().filter(c -> c.status().equals("failed")).map(CheckResult::name).toList();
        List<String> errors = page.checks().stream().filter(c -> c.status().equals("error"))
            .map(c -> c.name() + " could not run (" + c.error() + ")").toList();
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add("Failed: " + String.join(", ", failed) + ".");
        }
        if (!errors.isEmpty()) {
            parts.add(String.join("; ", errors) + ".");
        }
        int toCheck = page.toCheck().size();
        if (toCheck > 0) {
            parts.add(toCheck + (toCheck == 1 ? " finding" : " findings") + " for a person to check.");
        }
        return parts.isEmpty() ? "Every check passed." : String.join(" ", parts);
    }

    private static List<RuleGroup> groups(PageResult page, Predicate<Problem> which) {
        return groups(page.problems(), which);
    }

    private static List<RuleGroup> groups(List<Problem> problems, Predicate<Problem> which) {
        Map<String, List<Problem>> byRule = problems.stream().filter(which)
            .collect(Collectors.groupingBy(p -> p.check() + " " + p.rule(), LinkedHashMap::new, Collectors.toList()));
        return byRule.values().stream()
            .sorted(Comparator.comparingInt((List<Problem> l) -> l.get(0).severity()))
            .map(ReportPage::group).toList();
    }

    private static RuleGroup group(List<Problem> problems) {
        Problem first = problems.get(0);
        boolean own = !first.check().equals("axe") && !first.check().equals("dark-scheme");
        String fix = own ? CheckRule.get(first.rule()).fix() : null;
        String summary = first.check().equals("dark-scheme") ? "In the dark colour scheme: " + first.summary() : first.summary();
        List<Item> items = problems.stream().map(p -> new Item(p.element(), p.html(),
            own ? p.detail().lines().findFirst().orElse("") : p.detail(), p.evidence())).toList();
        return new RuleGroup(first.rule(), summary, first.impact(), first.level(), criteria(first.criteria()), first.why(),
            fix, first.helpUrl(), items);
    }

    private static RuleGroup reviewGroup(RuleResult rule) {
        List<Item> items = rule.nodes().stream().map(n -> new Item(n.target(), n.html(), n.summary(), null)).toList();
        return new RuleGroup(rule.id(), rule.help(), rule.impact(), Problems.level(Wcag.criteria().forTags(rule.tags())),
            criteria(Wcag.criteria().forTags(rule.tags()).stream().map(Criterion::sc).toList()), rule.description(),
            null, rule.helpUrl(), items);
    }

    private static List<String> criteria(List<String> numbers) {
        return numbers.stream().map(sc -> Wcag.criteria().get(sc).title()).toList();
    }

    private static List<Count> bySeverity(List<Problem> failures) {
        List<Count> counts = new ArrayList<>();
        for (String impact : Severity.ORDER) {
            List<Problem> these = failures.stream().filter(p -> impact.equals(p.impact())).toList();
            counts.add(new Count(impact, null, null, these.size(), (int) these.stream().map(Problem::page).distinct().count()));
        }
        return counts;
    }

    /** Every criterion with problems, in WCAG order (AAA ones too, marked), then best practices. */
    private static List<Count> byCriterion(List<Problem> problems) {
        List<Count> counts = new ArrayList<>();
        for (Criterion c : Wcag.criteria().all()) {
            List<Problem> these = problems.stream().filter(p -> p.criteria().contains(c.sc())).toList();
            if (!these.isEmpty()) {
                counts.add(new Count(c.sc() + " " + c.name(), c.level(), c.understandingUrl(), these.size(),
                    (int) these.stream().map(Problem::page).distinct().count()));
            }
        }
        List<Problem> practice = problems.stream().filter(p -> p.criteria().isEmpty()).toList();
        if (!practice.isEmpty()) {
            counts.add(new Count("Best practices (no success criterion)", "best practice", null, practice.size(),
                (int) practice.stream().map(Problem::page).distinct().count()));
        }
        return counts;
    }
}
