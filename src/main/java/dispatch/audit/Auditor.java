package dispatch.audit;

import dispatch.StartupException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriverException;

/**
 * Runs an audit: finds the pages, checks each in one headless Chromium, and tells the operator
 * how it is going, one line a page (page n of N, the page, problems so far).
 */
public final class Auditor {
    private final PrintStream progress;
    private final Clock clock;

    public Auditor(PrintStream progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @throws AuditException when the site cannot be reached or the browser cannot start
     */
    public AuditReport run(URI site, int maxPages) {
        return run(site, maxPages, true);
    }

    /** @param honourRobots false to audit pages that robots.txt disallows too (for one's own site) */
    public AuditReport run(URI site, int maxPages, boolean honourRobots) {
        Instant started = clock.instant();
        progress.println("Finding the pages of " + site + " ...");
        Crawler.Found found = new Crawler(honourRobots).find(site, maxPages);
        progress.println("Found " + found.pages().size() + (found.pages().size() == 1 ? " page" : " pages")
            + (found.method().equals("sitemap") ? " in the sitemap" : " by following links")
            + (found.pages().size() >= maxPages ? " (the limit set by --max-pages)" : "") + ".");
        if (found.disallowed() > 0) {
            progress.println("Left out " + found.disallowed() + (found.disallowed() == 1 ? " page" : " pages")
                + " that robots.txt asks robots not to visit (--ignore-robots audits them too).");
        }
        List<PageResult> pages = new ArrayList<>();
        String browserVersion;
        String axeVersion;
        try (Browser browser = start()) {
            browserVersion = browser.version();
            PageChecks checks = new PageChecks(browser);
            int failures = 0;
            int n = 0;
            for (String page : found.pages()) {
                n++;
                progress.println("Checking page " + n + " of " + found.pages().size() + ": " + page
                    + " (problems so far: " + failures + ")");
                PageResult result = checks.check(page);
                pages.add(result);
                failures += result.failures().size();
                if (result.error() != null) {
                    progress.println("  could not check this page: " + result.error());
                }
            }
            axeVersion = checks.axeVersion();
        }
        return new AuditReport(site.toString(), started, clock.instant(), maxPages, found.method(), tool(),
            axeVersion, browserVersion, pages, null);
    }

    private static Browser start() {
        try {
            return new Browser();
        } catch (StartupException e) {
            throw new AuditException(e.getMessage());
        } catch (WebDriverException e) {
            throw new AuditException("Chromium did not start: " + PageChecks.oneLine(e));
        }
    }

    /** This program and its version, as the jar's manifest gives it. */
    static String tool() {
        String version = Auditor.class.getPackage().getImplementationVersion();
        return "Dispatch accessibility audit " + (version == null ? "(development build)" : version);
    }
}
