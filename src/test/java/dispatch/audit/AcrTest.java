package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The conformance report's levels, and how people's reviews and automated failures combine. */
class AcrTest {
    static final String HOME = "https://example.org/";
    static final String ABOUT = "https://example.org/about";

    static Problem missingAlt(String page, String element) {
        return new Problem(page, "axe", "image-alt", "Images must have alternative text", "critical", "A",
            List.of("1.1.1"), element, "<img src=\"x.png\">", "Fix any of the following: add alt", "why", "https://help");
    }

    static PageResult page(String url, Problem... problems) {
        RuleResult passed = new RuleResult("document-title", null, List.of("wcag2a", "wcag242"), "d", "Documents must have <title>",
            "https://help", 1, List.of());
        return new PageResult(url, "Title", List.of(CheckResult.of("axe", List.of(problems), 10)), List.of(), List.of(),
            List.of(passed), List.of(), null);
    }

    static AuditReport report(PageResult... pages) {
        return new AuditReport(HOME, Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:05:00Z"), 100,
            "sitemap", "tool", "4.11.1", "chrome 156", List.of(pages), null);
    }

    private static Acr.Entry entry(Acr acr, String sc) {
        return Stream.of(acr.levelA(), acr.levelAA(), acr.levelAAA()).flatMap(List::stream)
            .filter(e -> e.sc().equals(sc)).findFirst().orElseThrow();
    }

    private static Review review(String sc, String verdict) {
        return new Review(sc, verdict, "Checked by hand.", "article pages", LocalDate.parse("2026-11-20"), "A. Reviewer");
    }

    private final AuditReport report = report(page(HOME, missingAlt(HOME, "img.logo")), page(ABOUT));

    @Test
    void without_reviews_only_failures_and_the_obsolete_parsing_criterion_get_a_level() {
        Acr acr = Acr.of(report, List.of());
        assertEquals(32 + 24 + 31, acr.levelA().size() + acr.levelAA().size() + acr.levelAAA().size());
        assertEquals(Acr.PARTIALLY_SUPPORTS, entry(acr, "1.1.1").conformance(), "fails on 1 page of 2");
        assertEquals(List.of("Images must have alternative text (image-alt): 1 element on 1 page"),
            entry(acr, "1.1.1").failures());
        assertEquals(Acr.SUPPORTS, entry(acr, "4.1.1").conformance());
        assertEquals(Acr.NOT_EVALUATED, entry(acr, "2.4.2").conformance(), "a passing rule is a hint, not a verdict");
        assertTrue(entry(acr, "2.4.2").hints().contains("axe rule document-title passed on 2 pages."));
        assertEquals(Acr.NOT_EVALUATED, entry(acr, "1.3.1").conformance());
        long supported = Stream.of(acr.levelA(), acr.levelAA(), acr.levelAAA()).flatMap(List::stream)
            .filter(e -> e.conformance().equals(Acr.SUPPORTS)).count();
        assertEquals(1, supported, "only 4.1.1");
    }

    @Test
    void a_finding_for_a_person_to_check_leaves_the_criterion_not_evaluated_with_a_hint() {
        Problem faint = new Problem(HOME, "keyboard", "focus-not-visible", "Focus has no visible indicator", "serious", "AA",
            List.of("2.4.7"), "a \"Home\"", null, "the change when a \"Home\" takes focus is small or faint", "why",
            "https://help", Evidence.of("Changed when it took focus: 12 pixels."));
        PageResult page = new PageResult(HOME, "Title", List.of(CheckResult.of("keyboard", List.of(), List.of(faint), 10)),
            List.of(), List.of(), List.of(), List.of(), null);
        Acr acr = Acr.of(report(page, page(ABOUT)), List.of());
        assertEquals(Acr.NOT_EVALUATED, entry(acr, "2.4.7").conformance());
        assertTrue(entry(acr, "2.4.7").failures().isEmpty());
        assertTrue(entry(acr, "2.4.7").hints().contains(
            "For a person to check: Focus has no visible indicator (focus-not-visible), 1 element on 1 page."),
            entry(acr, "2.4.7").hints().toString());
        assertEquals("passed", page.checks().get(0).status());
    }

    @Test
    void failures_on_most_pages_do_not_support_the_criterion() {
        Acr acr = Acr.of(report(page(HOME, missingAlt(HOME, "img")), page(ABOUT, missingAlt(ABOUT, "img"))), List.of());
        assertEquals(Acr.DOES_NOT_SUPPORT, entry(acr, "1.1.1").conformance());
    }

    @Test
    void a_review_decides_what_machines_cannot() {
        Acr acr = Acr.of(report, List.of(review("1.3.1", Acr.SUPPORTS), review("1.2.1", Acr.NOT_APPLICABLE)));
        assertEquals(Acr.SUPPORTS, entry(acr, "1.3.1").conformance());
        assertTrue(entry(acr, "1.3.1").remarks().startsWith("Reviewed by A. Reviewer on 2026-11-20 (article pages): Supports."),
            entry(acr, "1.3.1").remarks());
        assertEquals(Acr.NOT_APPLICABLE, entry(acr, "1.2.1").conformance());
    }

    @Test
    void failures_found_after_a_review_of_supports_take_precedence() {
        Acr acr = Acr.of(report, List.of(review("1.1.1", Acr.SUPPORTS)));
        assertEquals(Acr.PARTIALLY_SUPPORTS, entry(acr, "1.1.1").conformance());
        assertTrue(entry(acr, "1.1.1").remarks().contains("take precedence"), entry(acr, "1.1.1").remarks());
        Acr worse = Acr.of(report, List.of(review("1.1.1", Acr.DOES_NOT_SUPPORT)));
        assertEquals(Acr.DOES_NOT_SUPPORT, entry(worse, "1.1.1").conformance());
    }

    @Test
    void the_latest_review_of_a_criterion_counts() {
        Review older = new Review("1.3.1", Acr.DOES_NOT_SUPPORT, "", "", LocalDate.parse("2026-01-01"), "B");
        Acr acr = Acr.of(report, List.of(review("1.3.1", Acr.SUPPORTS), older));
        assertEquals(Acr.SUPPORTS, entry(acr, "1.3.1").conformance());
    }

    @Test
    void a_review_that_cannot_be_used_says_why() {
        assertNull(review("1.3.1", Acr.SUPPORTS).problem());
        assertEquals("\"9.9.9\" is not a WCAG 2.2 success criterion", review("9.9.9", Acr.SUPPORTS).problem());
        assertTrue(review("1.3.1", Acr.NOT_EVALUATED).problem().startsWith("the verdict for 1.3.1 must be one of"));
        assertEquals("the review of 1.3.1 needs a date and a reviewer",
            new Review("1.3.1", Acr.SUPPORTS, "", "", null, "X").problem());
    }

    @Test
    void changes_count_what_appeared_and_what_was_fixed_on_pages_checked_both_times() {
        AuditReport before = report(page(HOME, missingAlt(HOME, "img.a"), missingAlt(HOME, "img.b")),
            page(ABOUT, missingAlt(ABOUT, "img.c")));
        AuditReport now = report(page(HOME, missingAlt(HOME, "img.b"), missingAlt(HOME, "img.new")));
        Changes changes = Changes.between(before, now);
        assertEquals(List.of("img.new"), changes.appeared().stream().map(Problem::element).toList());
        assertEquals(List.of("img.a"), changes.fixed().stream().map(Problem::element).toList(),
            "img.c on a page not checked this time is not counted as fixed");
        assertEquals(3, changes.previousFailures());
    }
}
