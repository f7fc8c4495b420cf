package dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dispatch.audit.AuditException;
import dispatch.audit.AuditHistory;
import dispatch.audit.AuditReport;
import dispatch.audit.Auditor;
import dispatch.audit.Problem;
import dispatch.audit.ReportFiles;
import dispatch.audit.Review;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import dispatch.db.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code audit --base-url URL --out DIR [--max-pages N] [--reviews FILE] [--fail-on LEVEL] [--record] [--ignore-robots]}:
 * audits any website the operator can reach in headless Chromium and writes the reports into DIR.
 * Pages robots.txt disallows are left out unless {@code --ignore-robots} says the site is the
 * operator's own. With
 * {@code --record}, for this Dispatch site, the conformance report also uses the reviews recorded
 * in the newsroom, and the run is stored in the database for the newsroom's history. Exits 0 when it
 * found no problem at WCAG A or AA nor against axe's best practices, 1 when it found some (so
 * that it can gate a CI build; {@code --fail-on} narrows which count), 2 on a usage error, and 3
 * when the audit could not run or some checks could not run.
 */
final class AuditCommand {
    static final int INCOMPLETE = 3;
    static final int DEFAULT_MAX_PAGES = 100;
    private static final Set<String> OPTIONS = Set.of("--base-url", "--out", "--max-pages", "--reviews", "--fail-on");
    private static final String RECORD = "--record";
    private static final String IGNORE_ROBOTS = "--ignore-robots";
    private static final String USAGE = "dispatch: audit needs --base-url URL (an http or https address) and --out DIR;"
        + " --max-pages N (1 to 10000, default 100), --reviews FILE, --fail-on a|aa|best-practice|new, --record and"
        + " --ignore-robots are optional";

    /**
     * Which problems make the exit status 1, so that a CI job can gate on what it cares about:
     * problems at level A; at A or AA; at A, AA or against best practices (the default); or only
     * problems that appeared since the report already in the output folder (on pages both runs
     * checked; with no earlier report, every problem is new). AAA problems never fail the run.
     */
    enum FailOn {
        A, AA, BEST_PRACTICE, NEW;

        static FailOn of(String value) {
            for (FailOn f : values()) {
                if (f.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            return null;
        }

        String says() {
            return switch (this) {
                case A -> "at level A";
                case AA -> "at level A or AA";
                case BEST_PRACTICE -> "at level A or AA or against best practices";
                case NEW -> "new since the previous report";
            };
        }

        List<Problem> failing(AuditReport report) {
            return switch (this) {
                case A -> report.failures().stream().filter(p -> p.level().equals("A")).toList();
                case AA -> report.failures().stream().filter(p -> p.level().equals("A") || p.level().equals("AA")).toList();
                case BEST_PRACTICE -> report.failures();
                case NEW -> report.changes() == null ? report.failures()
                    : report.changes().appeared().stream().filter(p -> !p.aaa()).toList();
            };
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Supplier<Database> database;

    /** @param database opens this site's database, for --record only */
    AuditCommand(PrintStream out, PrintStream err, Clock clock, Supplier<Database> database) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.database = database;
    }

    int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean record = false;
        boolean ignoreRobots = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(RECORD) && !record) {
                record = true;
            } else if (args[i].equals(IGNORE_ROBOTS) && !ignoreRobots) {
                ignoreRobots = true;
            } else if (!OPTIONS.contains(args[i]) || i + 1 >= args.length || options.put(args[i], args[++i]) != null) {
                err.println(USAGE);
                return Cli.USAGE;
            }
        }
        URI site = site(options.get("--base-url"));
        Integer maxPages = maxPages(options.getOrDefault("--max-pages", String.valueOf(DEFAULT_MAX_PAGES)));
        FailOn failOn = FailOn.of(options.getOrDefault("--fail-on", "best-practice"));
        if (site == null || options.get("--out") == null || options.get("--out").isBlank() || maxPages == null
                || failOn == null) {
            err.println(USAGE);
            return Cli.USAGE;
        }
        Path dir = Path.of(options.get("--out"));
        Database recorded = null;
        try {
            List<Review> reviews = new ArrayList<>();
            if (options.containsKey("--reviews")) {
                reviews.addAll(reviews(Path.of(options.get("--reviews"))));
            }
            AuditHistory history = null;
            if (record) {
                recorded = open();
                history = new AuditHistory(recorded, clock);
                reviews.addAll(history.reviews());
            }
            writable(dir);
            AuditReport report = new Auditor(out, clock).run(site, maxPages, !ignoreRobots);
            report = new ReportFiles().write(report, dir, reviews);
            if (history != null) {
                history.record(report);
                out.println("Recorded in the database: the newsroom lists it under Accessibility audits.");
            }
            return summarise(report, dir, failOn);
        } catch (AuditException e) {
            err.println("dispatch: " + e.getMessage());
            return INCOMPLETE;
        } catch (RuntimeException e) {
            // The browser dying mid-run, say: one line for the operator, never a stack trace.
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("").strip();
            err.println("dispatch: the audit stopped: " + message);
            return INCOMPLETE;
        } finally {
            if (recorded != null) {
                recorded.close();
            }
        }
    }

    private Database open() {
        try {
            return database.get();
        } catch (StartupException e) {
            throw new AuditException(e.getMessage());
        }
    }

    private int summarise(AuditReport report, Path dir, FailOn failOn) {
        int failures = report.failures().size();
        long pagesWithFailures = report.pages().stream().filter(p -> !p.failures().isEmpty()).count();
        out.println("Checked " + report.pages().size() + (report.pages().size() == 1 ? " page: " : " pages: ")
            + failures + (failures == 1 ? " problem" : " problems") + " at WCAG A or AA or against best practices on "
            + pagesWithFailures + (pagesWithFailures == 1 ? " page" : " pages") + ", " + report.aaa().size()
            + " at AAA (reported apart).");
        if (report.changes() != null) {
            out.println("Since the previous run: " + report.changes().appeared().size() + " appeared, "
                + report.changes().fixed().size() + " fixed.");
        }
        if (report.errors() > 0) {
            out.println(report.errors() + (report.errors() == 1 ? " check" : " checks")
                + " could not run; report.html says which and why.");
        }
        out.println("Reports: " + dir.resolve("report.html") + " and " + dir.resolve("acr.html")
            + " (also report.json, junit.xml, earl.jsonld, acr.json)");
        List<Problem> failing = failOn.failing(report);
        if (!failing.isEmpty()) {
            return Cli.FAILED;
        }
        if (failures > 0) {
            out.println("None of them is " + failOn.says() + ", so the audit passes (--fail-on "
                + failOn.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ").");
        }
        return report.errors() > 0 ? INCOMPLETE : Cli.OK;
    }

    private static URI site(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            boolean web = uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"));
            return web && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Integer maxPages(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            return n >= 1 && n <= 10_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Finds out before a long audit, not after it, that the reports could not be written. */
    private static void writable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileSystemException e) {
            throw new AuditException("cannot create the folder " + dir + " for the reports"
                + (e.getReason() == null ? "" : ": " + e.getReason().toLowerCase(java.util.Locale.ROOT)));
        } catch (IOException e) {
            throw new AuditException("cannot create the folder " + dir + " for the reports: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new AuditException("cannot write the reports into " + dir);
        }
    }

    /** A person's reviews, as a JSON list; any review that cannot be used stops the audit before it starts. */
    private static List<Review> reviews(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AuditException("there is no reviews file at " + file);
        }
        List<Review> reviews;
        try {
            reviews = new ObjectMapper().registerModule(new JavaTimeModule())
                .readValue(file.toFile(), new TypeReference<List<Review>>() {});
        } catch (IOException e) {
            throw new AuditException("cannot read the reviews in " + file + ": it must be a JSON list of reviews, "
                + "each with sc, verdict, notes, scope, date (YYYY-MM-DD) and reviewer");
        }
        for (Review review : reviews) {
            if (review == null) {
                throw new AuditException("the reviews in " + file + " must each be an object");
            }
            String problem = review.problem();
            if (problem != null) {
                throw new AuditException("in " + file + ": " + problem);
            }
        }
        return reviews;
    }
}
