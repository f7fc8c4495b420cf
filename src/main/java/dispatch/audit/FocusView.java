package dispatch.audit;

import dispatch.audit.KeyboardWalk.Issue;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a focused element can be seen, judged by what is drawn: the element and the space
 * around it (outlines are drawn outside the box) pictured focused and unfocused, and compared
 * pixel by pixel. Any clear change is a focus indicator (WCAG 2.4.7); its area and contrast are
 * measured against 2.4.13 Focus Appearance (AAA), reported apart. Focus that is covered, off the
 * screen or on an element that draws nothing stays a finding; a change too small or too faint to
 * decide on goes to a person, with the two pictures.
 */
final class FocusView {
    /** CSS pixels pictured around the element's box: outlines, offsets and shadows lie there. */
    static final int MARGIN = 8;

    private final Browser browser;
    /**
     * The window pictured with nothing focused, reused while the page neither scrolls nor changes
     * (its DOM, counted by a MutationObserver): one picture then serves every stop on the screen,
     * and each stop needs only its own picture with focus. It only ever confirms a clear change;
     * anything less is measured again exactly, without and with focus on that very element.
     */
    private BufferedImage still;
    private String stillAt;
    private int stillUses;
    private int misses;
    private boolean stillWorks = true;

    FocusView(Browser browser) {
        this.browser = browser;
    }

    /**
     * For as long as the walk lasts: no transition or smooth scroll in progress between two
     * pictures, and no blinking caret. A constructed style sheet, which a strict Content
     * Security Policy allows, as it allows the reader's own style sheets.
     */
    private static final String HOLD_STILL = """
        if (!window.dispatchStill) {
          window.dispatchStill = new CSSStyleSheet();
          window.dispatchStill.replaceSync('*, *::before, *::after { transition-duration: 0s !important;'
            + ' transition-delay: 0s !important; caret-color: transparent !important;'
            + ' scroll-behavior: auto !important; }');
        }
        if (!document.adoptedStyleSheets.includes(window.dispatchStill)) {
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, window.dispatchStill];
        }
        if (window.dispatchMutations === undefined) {
          window.dispatchMutations = 0;
          new MutationObserver(list => { window.dispatchMutations += list.length; })
            .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
        }
        """;

    private static final String LET_GO = """
        if (window.dispatchStill) {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.dispatchStill);
        }
        """;

    /** Takes focus away without scrolling; says whether it went. */
    private static final String BLUR = """
        const el = document.activeElement;
        window.dispatchFocused = el;
        el.blur();
        return document.activeElement !== el;
        """;

    private static final String REFOCUS = """
        window.dispatchFocused.focus({preventScroll: true});
        return document.activeElement === window.dispatchFocused;
        """;

    private static final String VIEWPORT = """
        return {x: scrollX, y: scrollY, width: document.documentElement.clientWidth, height: innerHeight};
        """;

    void holdStill() {
        browser.evaluate(HOLD_STILL);
    }

    void letGo() {
        browser.evaluate(LET_GO);
    }

    /**
     * Judges the focused element, as the walk's state script described it ({@code clip},
     * {@code perimeter}, {@code visible}, {@code hits}, {@code points}, {@code whole},
     * {@code outlineAuto}). Leaves focus where it was.
     */
    List<Issue> judge(String element, Map<String, Object> state) {
        List<Issue> issues = new ArrayList<>();
        if (!(Boolean) state.get("visible")) {
            Shot screen = screen();
            if (screen == null) {
                issues.add(Issue.toCheck("focus-off-screen", "focus could not be taken away from " + element
                    + " to compare: a person must check that it can be seen when focused", element, null));
            } else if (screen.change().changed() == 0) {
                issues.add(Issue.certain("focus-off-screen", "focused element cannot be seen: " + element
                    + " (it is off the screen, empty or hidden, and nothing on the screen changed when it took focus)",
                    element, screen.evidence("Nothing on the screen changed when " + element + " took focus.", element)));
            } else {
                issues.add(Issue.toCheck("focus-off-screen", "the focused element " + element + " is off the screen,"
                    + " empty or hidden, but " + screen.change().changed() + " pixels elsewhere on the screen changed:"
                    + " a person must check whether they show where focus is", element,
                    screen.evidence(screen.change().changed() + " pixels of the window changed when " + element
                        + " took focus; the element itself is off the screen, empty or hidden.", element)));
            }
            return issues;
        }
        @SuppressWarnings("unchecked")
        Map<String, Number> clip = (Map<String, Number>) state.get("clip");
        byte[] focused = shoot(clip);
        double perimeter = ((Number) state.get("perimeter")).doubleValue();
        int hits = ((Number) state.get("hits")).intValue();
        if (hits > 0 && clearlyChanged(state, clip, focused, perimeter)) {
            return issues;
        }
        if (!Boolean.TRUE.equals(browser.evaluate(BLUR))) {
            issues.add(Issue.toCheck("focus-not-visible", "focus could not be taken away from " + element
                + " to compare: a person must check that its focus can be seen", element, null));
            return issues;
        }
        byte[] unfocused = shoot(clip);
        browser.evaluate(REFOCUS);
        FocusChange change = FocusChange.between(unfocused, focused);
        Shot crops = new Shot("The page around", unfocused, focused, change);
        String numbers = measured(change, perimeter);
        if (hits == 0) {
            // Every point of the element that was tried lies under something else.
            if (change.clear() == 0) {
                issues.add(Issue.certain("focus-obscured", "focused element is covered by something else: " + element,
                    element, crops.evidence("Every one of " + state.get("points") + " points of the element lies under"
                        + " another element, and nothing around it changed clearly when it took focus. " + numbers,
                        element)));
            } else {
                issues.add(Issue.toCheck("focus-obscured", "the focused element " + element + " lies under another"
                    + " element, yet the picture changed: a person must check that it can be seen", element,
                    crops.evidence("Every one of " + state.get("points") + " points of the element lies under another"
                        + " element (which may be transparent). " + numbers, element)));
            }
            return issues;
        }
        if (change.clear() >= perimeter) {
            appearance(issues, element, state, change, perimeter, crops, numbers);
            return issues;
        }
        if (change.changed() == 0) {
            Shot screen = screen();
            if (screen != null && screen.change().changed() == 0) {
                issues.add(Issue.certain("focus-not-visible", "no visible focus indicator on " + element, element,
                    crops.evidence("Nothing changed, at the element or anywhere on the screen, when it took focus. "
                        + numbers, element)));
            } else {
                issues.add(Issue.toCheck("focus-not-visible", "nothing changed around " + element + " when it took"
                    + " focus, but something elsewhere on the screen did: a person must check whether it shows where"
                    + " focus is", element, screen == null ? crops.evidence(numbers, element)
                    : screen.evidence(screen.change().changed() + " pixels of the window changed, none of them within "
                        + MARGIN + " px of the element. " + numbers, element)));
            }
            return issues;
        }
        issues.add(Issue.toCheck("focus-not-visible", "the change when " + element + " takes focus is small or faint:"
            + " a person must check that it can be seen", element, crops.evidence(numbers, element)));
        return issues;
    }

    /**
     * 2.4.13 Focus Appearance (AAA): the pixels that change with a contrast of 3:1 or more must
     * cover at least the area of a 2 CSS px thick perimeter of the unfocused element. The
     * browser's own focus ring is exempt (the criterion's exception for indicators the user
     * agent draws), and an element partly off the screen cannot be measured whole.
     */
    private static void appearance(List<Issue> issues, String element, Map<String, Object> state, FocusChange change,
                                   double perimeter, Shot crops, String numbers) {
        if (meetsAppearance(state, change, perimeter)) {
            return;
        }
        double needed = 2 * perimeter;
        // An element of several boxes (a link that wraps) has an outline whose length depends on
        // how the browser joins its lines: the measure is an estimate, so it is never certain.
        boolean wraps = state.get("boxes") instanceof Number n && n.intValue() > 1;
        if (change.strong() < 0.8 * needed && !wraps) {
            issues.add(Issue.certain("focus-appearance", "the focus indicator of " + element + " is smaller or fainter"
                + " than 2.4.13 asks: " + change.strong() + " pixels change with a contrast of 3:1 or more, "
                + Math.round(needed) + " are needed", element, crops.evidence(numbers, element)));
        } else if (wraps) {
            issues.add(Issue.toCheck("focus-appearance", "the focus indicator of " + element + ", which runs over"
                + " several lines, may be smaller than 2.4.13 asks (" + change.strong() + " pixels at 3:1, where about "
                + Math.round(needed) + " would surely do): a person must check", element, crops.evidence(numbers, element)));
        } else {
            issues.add(Issue.toCheck("focus-appearance", "the focus indicator of " + element + " is close to the size"
                + " 2.4.13 asks (" + change.strong() + " of " + Math.round(needed) + " pixels at 3:1): a person must"
                + " check", element, crops.evidence(numbers, element)));
        }
    }

    /** Whether 2.4.13 has nothing to say: met, exempt, or not measurable whole. */
    private static boolean meetsAppearance(Map<String, Object> state, FocusChange change, double perimeter) {
        return Boolean.TRUE.equals(state.get("outlineAuto")) || !Boolean.TRUE.equals(state.get("whole"))
            || change.strong() >= 2 * perimeter;
    }

    private static String measured(FocusChange change, double perimeter) {
        long p = Math.round(perimeter);
        return "Pictured " + change.pixels() + " pixels: the element and " + MARGIN + " px around it. Changed when it"
            + " took focus: " + change.changed() + " pixels; clearly (colour difference of " + (int) FocusChange.CLEAR
            + " or more): " + change.clear() + ", where a visible indicator needs at least " + p
            + " (a 1 px line round the element); with a contrast of 3:1 or more: " + change.strong()
            + ", where 2.4.13 (AAA) needs " + 2 * p + " (a 2 px line).";
    }

    /** The pictures of one comparison and what changed between them. */
    private record Shot(String what, byte[] unfocused, byte[] focused, FocusChange change) {

        Evidence evidence(String measured, String element) {
            return new Evidence(measured, List.of(
                Evidence.Picture.of("Without focus", what + " " + element + " without focus.", unfocused),
                Evidence.Picture.of("With focus", what + " " + element + " with focus from the Tab key.", focused)));
        }
    }

    /**
     * Whether the picture with focus differs clearly from the window with nothing focused, by
     * enough for a visible indicator and for 2.4.13, when the window was pictured so since the
     * page last scrolled or changed. False means: measure exactly.
     */
    @SuppressWarnings("unchecked")
    private boolean clearlyChanged(Map<String, Object> state, Map<String, Number> clip, byte[] focused,
                                   double perimeter) {
        if (!stillWorks) {
            return false;
        }
        Map<String, Number> view = (Map<String, Number>) state.get("view");
        String at = view.get("x") + "," + view.get("y") + "," + view.get("width") + "," + view.get("height");
        long mutations = ((Number) state.get("mutations")).longValue();
        if (still == null || !stillAt.equals(at + "," + mutations)) {
            // A picture that served only the stop it was taken for did not pay for itself: on a
            // page that scrolls or changes at every stop, measure each stop exactly instead.
            misses = still != null && stillUses <= 1 ? misses + 1 : 0;
            if (misses >= 2) {
                stillWorks = false;
                return false;
            }
            if (!Boolean.TRUE.equals(browser.evaluate(BLUR))) {
                return false;
            }
            byte[] window = shoot(view);
            browser.evaluate(REFOCUS);
            still = FocusChange.read(window);
            stillAt = at + "," + mutations;
            stillUses = 0;
        }
        int x = (int) Math.round(clip.get("x").doubleValue() - view.get("x").doubleValue());
        int y = (int) Math.round(clip.get("y").doubleValue() - view.get("y").doubleValue());
        BufferedImage after = FocusChange.read(focused);
        if (x < 0 || y < 0 || x + after.getWidth() > still.getWidth() || y + after.getHeight() > still.getHeight()) {
            return false;
        }
        stillUses++;
        FocusChange change = FocusChange.between(still.getSubimage(x, y, after.getWidth(), after.getHeight()), after);
        if (change.clear() < perimeter) {
            return false;
        }
        return meetsAppearance(state, change, perimeter);
    }

    /** The whole window without focus and with it; null if focus cannot be taken away. */
    @SuppressWarnings("unchecked")
    private Shot screen() {
        Map<String, Number> view = (Map<String, Number>) browser.evaluate(VIEWPORT);
        if (!Boolean.TRUE.equals(browser.evaluate(BLUR))) {
            return null;
        }
        byte[] unfocused = shoot(view);
        browser.evaluate(REFOCUS);
        byte[] focused = shoot(view);
        return new Shot("The whole window, with", unfocused, focused, FocusChange.between(unfocused, focused));
    }

    private byte[] shoot(Map<String, Number> clip) {
        return browser.screenshot(clip.get("x").doubleValue(), clip.get("y").doubleValue(),
            clip.get("width").doubleValue(), clip.get("height").doubleValue());
    }
}
