package dispatch.audit;

import dispatch.support.FixtureSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One audit of the fixture site, run on first use and shared by the test classes that read its
 * results or its files: an audit takes a browser and a few seconds a page.
 *
 * @param progress what the audit printed while it ran
 */
record FixtureAudit(FixtureSite site, Path out, AuditReport report, String progress) {
    private static FixtureAudit shared;

    static synchronized FixtureAudit get() {
        if (shared == null) {
            FixtureSite site = new FixtureSite();
            Runtime.getRuntime().addShutdownHook(new Thread(site::close));
            try {
                Path out = Files.createTempDirectory("dispatch-audit");
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                AuditReport report = new Auditor(new PrintStream(lines, true, StandardCharsets.UTF_8), Clock.systemUTC())
                    .run(URI.create(site.url("/index.html")), 100);
                report = new ReportFiles().write(report, out, List.of());
                shared = new FixtureAudit(site, out, report, lines.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
