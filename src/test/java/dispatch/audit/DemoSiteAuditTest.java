package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The audit of Dispatch's own demo site, through its sitemap, finds nothing to fix. A sample
 * of pages keeps the suite quick; the README gives the time for the whole site, and the
 * browser tests in dispatch.a11y cover every page type.
 */
@Tag("browser")
class DemoSiteAuditTest {

    @Test
    void dispatch_pages_found_through_the_sitemap_have_no_problems() {
        TestSite site = TestSite.demo();
        AuditReport report = new Auditor(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Clock.systemUTC()).run(URI.create(site.url("/")), 4);

        assertEquals("sitemap", report.method());
        assertEquals(4, report.pages().size());
        assertEquals(site.url("/"), report.pages().get(0).url());
        assertEquals(0, report.errors(), () -> report.pages().toString());
        assertEquals(java.util.List.of(), report.failures().stream()
            .map(p -> p.page() + " " + p.check() + " " + p.rule() + " " + p.element()).toList());
        assertTrue(report.aaa().isEmpty(), () -> report.aaa().toString());
    }
}
