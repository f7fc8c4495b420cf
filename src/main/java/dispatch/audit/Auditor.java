package dispatch.audit;

import dispatch.StartupException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return run(site, maxPages, honourRobots, Access.NONE, 0);
    }

    /**
     * @param access what to send to the site's origin, and the sign-in to go through first
     * @param sample audit at most this many pages of each template (see {@link Sample}); 0 for every page
     * @throws SignInFailed when signing in did not work: nothing is audited
     */
    public AuditReport run(URI site, int maxPages, boolean honourRobots, Access access, int sample) {
        Instant started = clock.instant();
        List<PageResult> pages = new ArrayList<>();
        String browserVersion;
        String axeVersion;
        Crawler.Found found;
        Sample sampled;
        try (Browser browser = start()) {
            browserVersion = browser.version();
            URI origin = Crawler.origin(site);
            if (!access.cookies().isEmpty() || !access.headers().isEmpty()) {
                browser.sendTo(site, access.cookies(), access.headers());
            }
            URI landing = null;
            if (access.signIn() != null) {
                progress.println("Signing in at " + access.signIn().page() + " ...");
                landing = SigningIn.signIn(browser, access.signIn());
                progress.println("Signed in: the sign-in led to " + landing + ".");
            }
            progress.println("Finding the pages of " + site + " ...");
            Crawler crawler = !access.signedIn() ? new Crawler(honourRobots)
                : new Crawler(honourRobots, uri -> credentials(browser, origin, access, uri), true);
            found = crawler.find(site, sample > 0 ? SAMPLED_FROM : maxPages, landing);
            sampled = Sample.of(found.pages(), sample > 0 ? sample : Integer.MAX_VALUE, maxPages);
            int limit = sample > 0 ? SAMPLED_FROM : maxPages;
            progress.println("Found " + found.pages().size() + (found.pages().size() == 1 ? " page" : " pages")
                + switch (found.method()) {
                    case "sitemap" -> " in the sitemap";
                    case "links and sitemap" -> " by following links, then in the sitemap";
                    default -> " by following links";
                }
                + (found.pages().size() >= limit ? (sample > 0 ? " (the most a sample is drawn from)" : " (the limit set by --max-pages)") : "") + ".");
            if (found.disallowed() > 0) {
                progress.println("Left out " + found.disallowed() + (found.disallowed() == 1 ? " page" : " pages")
                    + " that robots.txt asks robots not to visit (--ignore-robots audits them too).");
            }
            if (!found.signOut().isEmpty()) {
                progress.println("Left out " + found.signOut().size() + (found.signOut().size() == 1 ? " address" : " addresses")
                    + " that would sign out, so as to stay signed in.");
            }
            if (sample > 0) {
                progress.println("Auditing " + sampled.pages().size() + " of them: at most " + sample + " of each of "
                    + sampled.templates().size() + (sampled.templates().size() == 1 ? " template" : " templates")
                    + (sampled.pages().size() >= maxPages ? ", and at most " + maxPages + " in all (--max-pages)" : "")
                    + ".");
            }
            PageChecks checks = new PageChecks(browser);
            int failures = 0;
            int n = 0;
            for (String page : sampled.pages()) {
                n++;
                progress.println("Checking page " + n + " of " + sampled.pages().size() + ": " + page
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
        AuditReport.Scope scope = new AuditReport.Scope(found.pages().size(), found.disallowed(),
            access.signIn() == null ? null : access.signIn().page().toString(),
            access.cookies().stream().map(Access.Cookie::name).toList(),
            access.headers().stream().map(Access.Header::name).toList(), found.signOut(), sample,
            sample > 0 ? sampled.templates() : List.of());
        return new AuditReport(site.toString(), started, clock.instant(), maxPages, found.method(), tool(),
            axeVersion, browserVersion, pages, null, scope);
    }

    /** The pages a sampled audit finds at most, to sample from. */
    static final int SAMPLED_FROM = 10_000;

    /**
     * What the crawler sends to an address: on the audited origin, the cookies the browser holds
     * for it (the operator's and the sign-in's) and the operator's headers; elsewhere nothing.
     */
    private static Map<String, String> credentials(Browser browser, URI origin, Access access, URI uri) {
        if (!Crawler.origin(uri).equals(origin)) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        access.headers().forEach(h -> headers.put(h.name(), h.value()));
        String cookies = browser.cookieHeader(uri);
        if (!cookies.isEmpty()) {
            headers.put("Cookie", cookies);
        }
        return headers;
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
