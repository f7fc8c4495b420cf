package dispatch.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the public accessibility statement says about the latest audit: when, how many pages,
 * how many problems, and the known problems, one line per kind. Worked out when the run is
 * recorded and stored with it, so the statement reads one small row.
 *
 * @param problems problems at WCAG A or AA or against best practices
 * @param known    the kinds of problem at A and AA, most widespread first
 */
public record AuditSummary(Instant finished, int pages, int problems, int aaa, List<Known> known) {

    /** One kind of problem: what it is, the success criteria it fails, and on how many pages. */
    public record Known(String summary, String criteria, int pages) {}

    public static AuditSummary of(AuditReport report) {
        Map<String, List<Problem>> byRule = report.failures().stream().filter(p -> !p.criteria().isEmpty())
            .collect(Collectors.groupingBy(p -> p.check() + " " + p.rule(), LinkedHashMap::new, Collectors.toList()));
        List<Known> known = byRule.values().stream().map(problems -> new Known(
                problems.get(0).summary(),
                problems.get(0).criteria().stream().map(sc -> Wcag.criteria().get(sc).title()).collect(Collectors.joining(", ")),
                (int) problems.stream().map(Problem::page).distinct().count()))
            .sorted(Comparator.comparingInt((Known k) -> -k.pages()))
            .toList();
        return new AuditSummary(report.finished(), report.pages().size(), report.failures().size(), report.aaa().size(),
            known);
    }
}
