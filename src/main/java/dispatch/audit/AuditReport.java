package dispatch.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audit run: what was audited, with what, and everything found. This is report.json, and
 * the next run in the same folder reads it back to say what changed.
 *
 * @param site     the address the audit started from
 * @param method   how the pages were found: "sitemap" or "links"
 * @param tool     this program and its version
 * @param axe      the axe-core version
 * @param browser  the browser and its version
 * @param changes  what changed since the previous run in the same folder; null for a first run
 */
public record AuditReport(String site, Instant started, Instant finished, int maxPages, String method,
                          String tool, String axe, String browser, List<PageResult> pages, Changes changes) {

    /** Problems that fail the audit (A, AA and best practice), over every page. */
    public List<Problem> failures() {
        return pages.stream().flatMap(p -> p.failures().stream()).toList();
    }

    /** AAA problems, reported apart. */
    public List<Problem> aaa() {
        return pages.stream().flatMap(p -> p.problems().stream()).filter(Problem::aaa).toList();
    }

    public List<Problem> problems() {
        return pages.stream().flatMap(p -> p.problems().stream()).toList();
    }

    /** Pages or checks that could not be run. */
    public long errors() {
        return pages.stream().flatMap(p -> p.checks().stream()).filter(c -> c.status().equals("error")).count();
    }

    public AuditReport withChanges(Changes changes) {
        return new AuditReport(site, started, finished, maxPages, method, tool, axe, browser, pages, changes);
    }
}
