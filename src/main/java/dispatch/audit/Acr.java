package dispatch.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An accessibility conformance report for WCAG 2.2, in the style of VPAT 2.5: every success
 * criterion with a conformance level and remarks that point to the evidence, in three tables
 * (A, AA, AAA). acr.json is this record; acr.html shows it.
 *
 * <p>Automated checks can show that a criterion fails; they cannot show that it is met, since
 * every criterion asks something of the content that only a person can judge (whether alt text
 * fits its image, whether a heading describes its section). So a criterion with no failures is
 * "Not Evaluated", with what the machines saw attached as hints, until a person's review says
 * otherwise; and a review that says "Supports" gives way to failures the checks find later.
 */
public record Acr(String site, Instant date, int pagesChecked, String tool, String axe, String browser,
                  List<Entry> levelA, List<Entry> levelAA, List<Entry> levelAAA) {

    public static final String SUPPORTS = "Supports";
    public static final String PARTIALLY_SUPPORTS = "Partially Supports";
    public static final String DOES_NOT_SUPPORT = "Does Not Support";
    public static final String NOT_APPLICABLE = "Not Applicable";
    public static final String NOT_EVALUATED = "Not Evaluated";
    public static final List<String> LEVELS = List.of(SUPPORTS, PARTIALLY_SUPPORTS, DOES_NOT_SUPPORT, NOT_APPLICABLE,
        NOT_EVALUATED);

    /**
     * One row of the report.
     *
     * @param conformance one of {@link #LEVELS}
     * @param remarks     the explanation, pointing to the evidence
     * @param failures    the problems found, as "rule summary: N elements on M pages"
     * @param hints       what the automated checks saw without deciding: rules passed, results
     *                    for a person to check
     * @param review      the person's review used, if any
     */
    public record Entry(String sc, String name, String level, String understandingUrl, String conformance,
                        String remarks, List<String> failures, List<String> hints, Review review) {}

    public static Acr of(AuditReport report, List<Review> reviews) {
        long checked = report.pages().stream().filter(p -> p.error() == null).count();
        Map<String, Review> latest = new LinkedHashMap<>();
        reviews.stream().sorted(Comparator.comparing(Review::date)).forEach(r -> latest.put(r.sc(), r));
        List<Entry> a = new ArrayList<>();
        List<Entry> aa = new ArrayList<>();
        List<Entry> aaa = new ArrayList<>();
        for (Criterion c : Wcag.criteria().all()) {
            Entry entry = entry(c, report, (int) checked, Optional.ofNullable(latest.get(c.sc())));
            switch (c.level()) {
                case "A" -> a.add(entry);
                case "AA" -> aa.add(entry);
                default -> aaa.add(entry);
            }
        }
        return new Acr(report.site(), report.finished(), (int) checked, report.tool(), report.axe(), report.browser(),
            a, aa, aaa);
    }

    private static Entry entry(Criterion c, AuditReport report, int checked, Optional<Review> review) {
        List<Problem> failing = report.problems().stream().filter(p -> p.criteria().contains(c.sc())).toList();
        Set<String> failingPages = failing.stream().map(Problem::page).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> failures = summarise(failing);
        List<String> hints = hints(c, report);
        String conformance;
        String remarks;
        if (c.obsolete()) {
            conformance = SUPPORTS;
            remarks = "WCAG 2.2 removed this criterion and notes that it is always satisfied for content in HTML.";
        } else if (!failing.isEmpty()) {
            String found = "The automated checks found " + failing.size() + (failing.size() == 1 ? " problem" : " problems")
                + " on " + failingPages.size() + " of " + checked + " pages (see report.html).";
            boolean humanSaysWorse = review.isPresent() && !review.get().verdict().equals(SUPPORTS)
                && !review.get().verdict().equals(NOT_APPLICABLE);
            conformance = humanSaysWorse ? review.get().verdict()
                : failingPages.size() * 2 > checked ? DOES_NOT_SUPPORT : PARTIALLY_SUPPORTS;
            remarks = found + review.map(r -> " " + reviewed(r)
                + (humanSaysWorse ? "" : " The failures found since take precedence over that review.")).orElse("");
        } else if (review.isPresent()) {
            conformance = review.get().verdict();
            remarks = reviewed(review.get()) + (checked > 0 ? " The automated checks found no failures on "
                + checked + " pages." : "");
        } else {
            conformance = NOT_EVALUATED;
            remarks = checked == 0 ? "No page could be checked."
                : "The automated checks found no failures on " + checked + " pages, but cannot decide this criterion:"
                + " it needs a person's review." + (hints.isEmpty() ? " No automated check covers it." : "");
        }
        return new Entry(c.sc(), c.name(), c.level(), c.understandingUrl(), conformance, remarks, failures, hints,
            review.orElse(null));
    }

    private static String reviewed(Review r) {
        return "Reviewed by " + r.reviewer() + " on " + r.date() + (r.scope() == null || r.scope().isBlank() ? ""
            : " (" + r.scope() + ")") + ": " + r.verdict() + "." + (r.notes() == null || r.notes().isBlank() ? ""
            : " " + r.notes().strip());
    }

    /** "Images must have alternative text (image-alt): 3 elements on 2 pages", most widespread first. */
    private static List<String> summarise(List<Problem> problems) {
        Map<String, List<Problem>> byRule = problems.stream()
            .collect(Collectors.groupingBy(p -> p.summary() + " (" + p.rule() + ")", LinkedHashMap::new, Collectors.toList()));
        return byRule.entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<String, List<Problem>> e) -> -e.getValue().size()))
            .map(e -> e.getKey() + ": " + count(e.getValue().size(), "element") + " on "
                + count(e.getValue().stream().map(Problem::page).distinct().count(), "page"))
            .toList();
    }

    /** What the machines saw for this criterion without deciding it. */
    private static List<String> hints(Criterion c, AuditReport report) {
        List<String> hints = new ArrayList<>();
        Map<String, Long> passed = new LinkedHashMap<>();
        Map<String, long[]> undecided = new LinkedHashMap<>();
        for (PageResult page : report.pages()) {
            for (RuleResult r : page.passes()) {
                if (r.tags().contains(c.tag())) {
                    passed.merge(r.id(), 1L, Long::sum);
                }
            }
            for (RuleResult r : page.incomplete()) {
                if (r.tags().contains(c.tag())) {
                    long[] n = undecided.computeIfAbsent(r.help() + " (" + r.id() + ")", k -> new long[2]);
                    n[0] += r.elements();
                    n[1]++;
                }
            }
        }
        // What the audit's own checks measured without deciding, for a person to check: never a
        // failure, so the criterion stays Not Evaluated unless something else fails it.
        Map<String, List<Problem>> ownUndecided = report.pages().stream().flatMap(p -> p.toCheck().stream())
            .filter(p -> p.criteria().contains(c.sc()))
            .collect(Collectors.groupingBy(p -> p.summary() + " (" + p.rule() + ")", LinkedHashMap::new, Collectors.toList()));
        ownUndecided.forEach((rule, problems) -> undecided.put(rule,
            new long[] {problems.size(), problems.stream().map(Problem::page).distinct().count()}));
        passed.forEach((rule, pages) -> hints.add("axe rule " + rule + " passed on " + count(pages, "page") + "."));
        undecided.forEach((rule, n) -> hints.add("For a person to check: " + rule + ", " + count(n[0], "element")
            + " on " + count(n[1], "page") + "."));
        for (String check : CheckResult.CHECKS) {
            long passedPages = report.pages().stream().flatMap(p -> p.checks().stream())
                .filter(r -> r.check().equals(check) && r.status().equals("passed") && r.toCheck().isEmpty()).count();
            if (passedPages > 0 && covers(check, c.sc())) {
                hints.add(CheckResult.name(check) + ": no problems on " + count(passedPages, "page") + ".");
            }
        }
        return hints;
    }

    /**
     * Whether one of the audit's own checks tests a criterion: by its rules in audit/checks.yaml,
     * or, for the dark scheme, by the criteria of axe's colour rules.
     */
    private static boolean covers(String check, String sc) {
        if (check.equals("dark-scheme")) {
            return DARK_SCHEME_CRITERIA.contains(sc);
        }
        return CheckRule.all().stream().anyMatch(r -> r.check().equals(check) && r.criteria().contains(sc));
    }

    /** color-contrast, color-contrast-enhanced and link-in-text-block test these. */
    private static final List<String> DARK_SCHEME_CRITERIA = List.of("1.4.3", "1.4.6", "1.4.1");

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
