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
 * @param scope    what the audit covered and how it reached the pages; null in reports written before
 *                 it was recorded
 */
public record AuditReport(String site, Instant started, Instant finished, int maxPages, String method,
                          String tool, String axe, String browser, List<PageResult> pages, Changes changes,
                          Scope scope) {

    public AuditReport(String site, Instant started, Instant finished, int maxPages, String method, String tool,
                       String axe, String browser, List<PageResult> pages, Changes changes) {
        this(site, started, finished, maxPages, method, tool, axe, browser, pages, changes, null);
    }

    /**
     * What was audited, for the report's scope section. Cookies and headers are named, never
     * their values; the sign-in is the page's address, never the account.
     *
     * @param found      pages found, before any sample was taken
     * @param disallowed pages left out because robots.txt disallows them
     * @param signIn     the sign-in page the audit signed in through; null if it did not
     * @param cookies    the names of the cookies sent to the audited origin
     * @param headers    the names of the headers sent to the audited origin
     * @param signOut    addresses not visited because they sign out, so that the audit stayed signed in
     * @param sample     at most this many pages of each template were audited; 0 when every page found was
     * @param templates  with a sample, each template with how many pages were found and audited
     */
    public record Scope(int found, int disallowed, String signIn, List<String> cookies, List<String> headers,
                        List<String> signOut, int sample, List<Template> templates) {}

    /** A template of pages (an address with its identifying parts generalised), how many found and audited. */
    public record Template(String template, int found, int audited) {}

    /** How the pages were found, as the report says it. */
    public String foundHow() {
        return switch (method) {
            case "sitemap" -> "in the site's sitemap";
            case "links and sitemap" -> "by following links, then in the site's sitemap";
            default -> "by following links";
        };
    }

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
        return new AuditReport(site, started, finished, maxPages, method, tool, axe, browser, pages, changes, scope);
    }
}
