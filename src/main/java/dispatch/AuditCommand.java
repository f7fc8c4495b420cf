package dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dispatch.audit.Access;
import dispatch.audit.AuditException;
import dispatch.audit.AuditHistory;
import dispatch.audit.AuditReport;
import dispatch.audit.Auditor;
import dispatch.audit.Problem;
import dispatch.audit.ReportFiles;
import dispatch.audit.Review;
import dispatch.audit.SignInFailed;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import dispatch.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code audit --base-url URL --out DIR [--max-pages N] [--sample N] [--reviews FILE] [--fail-on LEVEL] [--record]
 * [--ignore-robots] [--cookie NAME=VALUE]... [--header "Name: value"]... [--sign-in URL [--username-field NAME]
 * [--password-field NAME]]}:
 * audits any website the operator can reach in headless Chromium and writes the reports into DIR.
 * Pages robots.txt disallows are left out unless {@code --ignore-robots} says the site is the
 * operator's own. Pages behind a sign-in are reached with cookies and headers sent to the site's
 * origin only, or by signing in through the site's form with an account taken from the
 * environment (never from the command line, which shell histories and {@code ps} show). With
 * {@code --record}, for this Dispatch site, the conformance report also uses the reviews recorded
 * in the newsroom, and the run is stored in the database for the newsroom's history. Exits 0 when it
 * found no problem at WCAG A or AA nor against axe's best practices, 1 when it found some (so
 * that it can gate a CI build; {@code --fail-on} narrows which count), 2 on a usage error, and 3
 * when the audit could not run or some checks could not run.
 */
@Command(name = "audit",
    description = {
        "Audit any website in headless Chromium (axe-core, keyboard, reflow, text spacing, dark scheme) and write"
            + " the reports into DIR; exit 1 if it finds problems at WCAG A or AA.",
        "",
        "The pages come from the site's sitemaps, or by following links from the first page; pages robots.txt"
            + " disallows are left out unless --ignore-robots is given. The reports: report.html and acr.html (the"
            + " conformance report) for people, report.json, junit.xml, earl.jsonld and acr.json for programs.",
        "",
        "To audit pages behind a sign-in, give --cookie or --header (sent to the site's own origin only), or"
            + " --sign-in with the account in the environment variables " + AuditCommand.USERNAME + " and "
            + AuditCommand.PASSWORD + ". Signed in, links are followed as well as the sitemaps read, and addresses"
            + " that sign out are never visited. Values and the account never appear in the reports or on the"
            + " terminal."},
    exitCodeList = {
        "0:no problem that --fail-on counts, and every check ran",
        "1:problems that --fail-on counts (so that a CI build fails)",
        "2:a mistake in the options, or signing in with --sign-in did not work",
        "3:the audit could not run (the site cannot be reached, DIR cannot be written, the reviews cannot be"
            + " used), or some checks could not run"})
final class AuditCommand extends Cli.Subcommand {
    static final int INCOMPLETE = 3;
    static final int MAX_PAGES = 10_000;
    static final String USERNAME = "DISPATCH_AUDIT_USERNAME";
    static final String PASSWORD = "DISPATCH_AUDIT_PASSWORD";

    @Option(names = "--base-url", required = true, paramLabel = "URL", converter = SiteAddress.class,
        description = "The page to start from, an http or https address.")
    URI site;

    @Option(names = "--out", required = true, paramLabel = "DIR", converter = Folder.class,
        description = "The folder for the reports; created if missing. A report.json already there is read first,"
            + " to say what changed.")
    Path dir;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "100", converter = PageCount.class,
        description = "Audit at most N pages, the first page included (1 to " + MAX_PAGES + "; default ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--sample", paramLabel = "N", converter = PageCount.class,
        description = "Audit at most N pages of each template (an address with its numbers and last slug"
            + " generalised: /articles/{slug}, /archive/{number}/{number}; the query left out), the first found; a page"
            + " that is the only one of its kind is always audited. The pages are then found up to " + MAX_PAGES
            + ", and --max-pages still caps those audited. The report lists each template, with the pages found and"
            + " audited.")
    Integer sample;

    @Option(names = "--cookie", paramLabel = "NAME=VALUE", converter = CookieValue.class,
        description = "A cookie to send with every request to the site's origin (never to another), such as a"
            + " session's; repeatable. Its value appears nowhere: not in the reports, on the terminal or in an error.")
    List<Access.Cookie> cookies = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME:VALUE", converter = HeaderValue.class,
        description = "A header to send with every request to the site's origin (never to another), such as"
            + " Authorization; repeatable. Its value appears nowhere, as for --cookie.")
    List<Access.Header> headers = new ArrayList<>();

    @Option(names = "--sign-in", paramLabel = "URL", converter = SiteAddress.class,
        description = "Sign in through the form at URL first, with the account in the environment variables "
            + USERNAME + " and " + PASSWORD + " (never on the command line); if that does not lead away from the"
            + " sign-in page without an error, stop with status 2 before auditing anything.")
    URI signIn;

    @Option(names = "--username-field", paramLabel = "NAME", converter = FieldName.class,
        description = "With --sign-in: the name or id of the field for the username (default: the form's field"
            + " with autocomplete username or email, or of type email).")
    String usernameField;

    @Option(names = "--password-field", paramLabel = "NAME", converter = FieldName.class,
        description = "With --sign-in: the name or id of the password field (default: the one of type password,"
            + " autocomplete current-password first).")
    String passwordField;

    @Option(names = "--reviews", paramLabel = "FILE",
        description = "People's reviews of success criteria, for the conformance report: a JSON list of reviews,"
            + " each with sc, verdict, notes, scope, date (YYYY-MM-DD) and reviewer.")
    Path reviewsFile;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "best-practice", converter = FailOn.Converter.class,
        description = "Which problems make the exit status 1: a (level A), aa (A or AA), best-practice (A, AA or"
            + " axe's best practices; the default) or new (problems that appeared since the report already in --out,"
            + " on pages both runs checked; with no earlier report, every problem is new). AAA problems never fail"
            + " the run.")
    FailOn failOn;

    @Option(names = "--record",
        description = "For this Dispatch site only: also use the reviews recorded in the newsroom, and store the run"
            + " in the site's database (the one in DISPATCH_DATA_DIR), for the newsroom's history and the public"
            + " accessibility statement.")
    boolean record;

    @Option(names = "--ignore-robots",
        description = "Audit the pages robots.txt disallows too (for a site that is one's own).")
    boolean ignoreRobots;

    /**
     * Which problems make the exit status 1, so that a CI job can gate on what it cares about:
     * problems at level A; at A or AA; at A, AA or against best practices (the default); or only
     * problems that appeared since the report already in the output folder (on pages both runs
     * checked; with no earlier report, every problem is new). AAA problems never fail the run.
     */
    enum FailOn {
        A, AA, BEST_PRACTICE, NEW;

        /** a, aa, best-practice or new, in any case. */
        static final class Converter implements ITypeConverter<FailOn> {
            @Override
            public FailOn convert(String value) {
                for (FailOn f : values()) {
                    if (f.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                        return f;
                    }
                }
                throw new TypeConversionException("must be one of a, aa, best-practice, new, not " + quoted(value));
            }
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

    private final Clock clock;
    private final Map<String, String> env;

    /**
     * @param config the site whose database --record uses
     * @param env    the environment, where --sign-in finds the account
     */
    AuditCommand(Config config, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        super("audit", config, out, err);
        this.env = env;
        this.clock = clock;
    }

    /** Names the option at fault and what is wrong with it, and nothing else. */
    @Override
    String refusal(ParameterException mistake, String problem) {
        return "audit: " + OptionMistake.describe(mistake, problem);
    }

    /** A mistake only seen once the options are read together: one line naming it, and status 2. */
    private int refuse(String mistake) {
        err.println("dispatch: audit: " + mistake + " (java -jar dispatch.jar audit --help lists its options)");
        return Cli.USAGE;
    }

    @Override
    public Integer call() {
        if (signIn == null && (usernameField != null || passwordField != null)) {
            return refuse((usernameField != null ? "--username-field" : "--password-field") + " only goes with --sign-in");
        }
        Access access;
        if (signIn != null) {
            List<String> unset = Stream.of(USERNAME, PASSWORD).filter(name -> env.getOrDefault(name, "").isBlank()).toList();
            if (!unset.isEmpty()) {
                return refuse("--sign-in takes the account from the environment variables " + USERNAME + " and "
                    + PASSWORD + " (never from the command line), and " + String.join(" and ", unset)
                    + (unset.size() == 1 ? " is" : " are") + " not set");
            }
            access = new Access(cookies, headers, new Access.SignIn(signIn, usernameField, passwordField,
                env.get(USERNAME).strip(), env.get(PASSWORD)));
        } else {
            access = new Access(cookies, headers, null);
        }
        Database recorded = null;
        try {
            List<Review> reviews = new ArrayList<>();
            if (reviewsFile != null) {
                reviews.addAll(reviews(reviewsFile));
            }
            AuditHistory history = null;
            if (record) {
                recorded = open();
                history = new AuditHistory(recorded, clock);
                reviews.addAll(history.reviews());
            }
            writable(dir);
            AuditReport report = new Auditor(out, clock).run(site, maxPages, !ignoreRobots, access,
                sample == null ? 0 : sample);
            report = new ReportFiles().write(report, dir, reviews);
            if (history != null) {
                history.record(report);
                out.println("Recorded in the database: the newsroom lists it under Accessibility audits.");
            }
            return summarise(report, dir, failOn);
        } catch (SignInFailed e) {
            err.println("dispatch: " + e.getMessage());
            return Cli.USAGE;
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
            return Database.open(config);
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

    /** An address Chromium can open: http or https, with a host. */
    static final class SiteAddress implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value.strip());
                boolean web = uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https"));
                if (web && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // Said below, as for any other address that is not a web page's.
            }
            throw new TypeConversionException("must be an http or https address, not " + quoted(value));
        }
    }

    static final class PageCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1 && n <= MAX_PAGES) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Said below, as for a number out of range.
            }
            throw new TypeConversionException("must be a whole number from 1 to " + MAX_PAGES + ", not " + quoted(value));
        }
    }

    /** A folder's name, which a blank one is not. */
    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a folder's name, not an empty one");
            }
            return Path.of(value);
        }
    }

    /** {@code NAME=VALUE}; a mistake is told without the value, which may be a session's secret. */
    static final class CookieValue implements ITypeConverter<Access.Cookie> {
        @Override
        public Access.Cookie convert(String value) {
            try {
                return Access.Cookie.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code Name: value}; a mistake is told without the value. */
    static final class HeaderValue implements ITypeConverter<Access.Header> {
        @Override
        public Access.Header convert(String value) {
            try {
                return Access.Header.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A form field's name or id, which a blank one is not. */
    static final class FieldName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a field's name or id, not an empty one");
            }
            return value.strip();
        }
    }

    /** A value as typed, in quotes, on one line. */
    static String quoted(String value) {
        return "\"" + value.replaceAll("\\R", " ") + "\"";
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
