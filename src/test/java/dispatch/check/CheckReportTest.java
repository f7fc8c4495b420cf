package dispatch.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    @Test
    void each_finding_gets_a_block_with_its_severity_message_reason_and_fix() {
        String text = CheckReport.text("my-article", List.of(
            Finding.literal(Severity.ERROR, "heading-level-1", "body", "The heading ‘Background’ is a level 1 heading.",
                "The headline is the page's only level 1 heading.", "Make it a level 2 heading."),
            Finding.literal(Severity.WARNING, "link-text", "body", "The link text ‘here’ does not say where the link goes.",
                "Screen-reader users hear links out of context.", "Say where the link goes.")));
        assertTrue(text.startsWith("my-article\n1 error, 1 warning. Fix the errors before publishing.\n"), text);
        assertTrue(text.contains("\nError in body [heading-level-1]\n  The heading ‘Background’ is a level 1 heading.\n"
            + "  Why it matters: The headline is the page's only level 1 heading.\n"
            + "  How to fix it: Make it a level 2 heading.\n"), text);
        assertTrue(text.contains("\nWarning in body [link-text]\n"), text);
    }

    @Test
    void long_lines_are_wrapped_and_no_findings_says_so() {
        String text = CheckReport.text("t", List.of(Finding.literal(Severity.WARNING, "capitals", "body", "word ".repeat(40),
            "why ".repeat(40), "fix")));
        assertTrue(text.lines().allMatch(line -> line.length() <= 88), text);
        assertEquals("t\nNo problems found.\n", CheckReport.text("t", List.of()));
    }
}
