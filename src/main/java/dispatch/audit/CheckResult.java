package dispatch.audit;

import java.util.List;

/**
 * The outcome of one check on one page.
 *
 * @param check    its id: axe, screen-reader, page-text, skip-link, keyboard, text-spacing, reflow or dark-scheme
 * @param status   passed, failed (it found problems at A, AA or best practice), or error (it
 *                 could not run; {@code error} says why). AAA problems alone do not fail a check.
 * @param problems everything it found for certain, AAA included
 * @param toCheck  what it measured without being able to decide: for a person to check, never a
 *                 failure
 * @param millis   how long it took, page loads included
 */
public record CheckResult(String check, String name, String status, List<Problem> problems, List<Problem> toCheck,
                          String error, long millis) {

    public CheckResult {
        toCheck = toCheck == null ? List.of() : toCheck;
    }

    /** A result with nothing for a person to check. */
    public CheckResult(String check, String name, String status, List<Problem> problems, String error, long millis) {
        this(check, name, status, problems, List.of(), error, millis);
    }

    public static final List<String> CHECKS = List.of("axe", "screen-reader", "page-text", "skip-link", "keyboard", "text-spacing", "reflow",
        "dark-scheme");

    static CheckResult of(String check, List<Problem> problems, long millis) {
        return of(check, problems, List.of(), millis);
    }

    static CheckResult of(String check, List<Problem> problems, List<Problem> toCheck, long millis) {
        boolean failed = problems.stream().anyMatch(p -> !p.aaa());
        return new CheckResult(check, name(check), failed ? "failed" : "passed", problems, toCheck, null, millis);
    }

    static CheckResult error(String check, String error, long millis) {
        return new CheckResult(check, name(check), "error", List.of(), error, millis);
    }

    public static String name(String check) {
        return switch (check) {
            case "axe" -> "axe-core rules";
            case "screen-reader" -> "What a screen reader announces";
            case "page-text" -> "Link text, alt text and language of the text";
            case "skip-link" -> "Skip link";
            case "keyboard" -> "Keyboard walk";
            case "text-spacing" -> "Text spacing (WCAG 1.4.12 override)";
            case "reflow" -> "Reflow at 320 CSS pixels";
            case "dark-scheme" -> "Dark colour scheme";
            default -> check;
        };
    }
}
