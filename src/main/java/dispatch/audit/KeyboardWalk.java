package dispatch.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a page with the Tab key, as a keyboard user would, and records every focus stop:
 * what it is, where it sits in the document, and whether focus can be seen there, judged by
 * what is drawn (see {@link FocusView}): a visible change when it takes focus, not covered, on
 * the screen.
 */
public final class KeyboardWalk {

    /** One focus stop. {@code order} is the element's position in document order. */
    public record Stop(String description, long order) {}

    /**
     * One finding of the walk. {@code rule} names the kind (see {@code audit/checks.yaml}):
     * keyboard-trap, not-keyboard-reachable, focus-not-visible, focus-off-screen,
     * focus-obscured, focus-order or focus-appearance (AAA); {@code element} is the focus stop
     * concerned. A finding is {@code certain} only when what was measured settles it; otherwise
     * it is for a person to check, never a failure. {@code evidence} is what was measured, or null.
     */
    public record Issue(String rule, String message, String element, boolean certain, Evidence evidence) {

        static Issue certain(String rule, String message, String element, Evidence evidence) {
            return new Issue(rule, message, element, true, evidence);
        }

        static Issue toCheck(String rule, String message, String element, Evidence evidence) {
            return new Issue(rule, message, element, false, evidence);
        }

        /** The same finding, left for a person to check, for the reason given. */
        Issue forAPerson(String reason) {
            return certain ? new Issue(rule, message + " (" + reason + ")", element, false, evidence) : this;
        }

        /** The message, marked when a person must decide. */
        public String line() {
            return certain ? message : "for a person to check: " + message;
        }
    }

    /** What the walk found: the stops in Tab order, whether Tab ever got stuck, and what each stop showed. */
    public record Result(List<Stop> stops, boolean trapped, int focusable, List<String> missed, List<Issue> atStops) {

        public List<Issue> issues() {
            List<Issue> issues = new ArrayList<>();
            if (trapped) {
                String last = stops.isEmpty() ? "" : stops.get(stops.size() - 1).description();
                issues.add(Issue.certain("keyboard-trap", "keyboard trap: Tab stopped moving forward after " + stops.size()
                    + " stops", last, null));
            }
            issues.addAll(atStops);
            for (int i = 1; i < stops.size(); i++) {
                Stop stop = stops.get(i);
                if (stop.order() <= stops.get(i - 1).order()) {
                    issues.add(Issue.certain("focus-order", "Tab order goes against the reading order at "
                        + stop.description() + " (after " + stops.get(i - 1).description() + ")", stop.description(), null));
                }
            }
            if (!missed.isEmpty()) {
                issues.add(Issue.certain("not-keyboard-reachable", "only " + stops.size() + " of " + focusable
                    + " focusable elements were reached by Tab; not reached: " + String.join(", ", missed),
                    String.join(", ", missed), null));
            }
            return issues;
        }

        /**
         * The findings the walk is sure of, a line each: what a page of this site's own is held to
         * having none of, as axe's violations are. What only a person can settle is in
         * {@link #toCheck()}, for the tests to print, as they print axe's incomplete results.
         */
        public List<String> problems() {
            return issues().stream().filter(Issue::certain).map(Issue::line).toList();
        }

        /** The findings for a person to check, a line each. */
        public List<String> toCheck() {
            return issues().stream().filter(i -> !i.certain()).map(Issue::line).toList();
        }
    }

    static final int MAX_STOPS_IN_ONE_CONTROL = 8;

    /**
     * The focused element: its description and place in the document, whether it is on the
     * screen, how many of up to nine points spread over its first box hit it (none: something
     * covers it whole), the part of the page to picture (its box and {@link FocusView#MARGIN}
     * around it, within the window, in document coordinates), the length of its outline (the sum
     * of its boxes' union, and how many boxes it has), whether it lies whole in the window, and whether its outline is
     * the browser's own ring.
     */
    private static final String STATE = """
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const all = Array.from(document.querySelectorAll('*'));
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const vw = document.documentElement.clientWidth, vh = innerHeight;
        const visible = r.width >= 1 && r.height >= 1 && style.visibility !== 'hidden'
          && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
        let hits = 0, points = 0;
        if (visible) {
          // A link that wraps has one box per line: try the first line's box, not the bounding
          // box, whose corners may lie over the text before the link.
          const box = el.getClientRects()[0] || r;
          for (const fx of [0.15, 0.5, 0.85]) {
            for (const fy of [0.15, 0.5, 0.85]) {
              const x = box.left + box.width * fx, y = box.top + box.height * fy;
              if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
              points++;
              const hit = document.elementFromPoint(x, y);
              if (hit && (hit === el || el.contains(hit) || hit.contains(el))) hits++;
            }
          }
        }
        const m = %d;
        const left = Math.max(Math.floor(r.left) - m, 0), top = Math.max(Math.floor(r.top) - m, 0);
        const right = Math.min(Math.ceil(r.right) + m, vw), bottom = Math.min(Math.ceil(r.bottom) + m, vh);
        // The outline of the boxes' union: a link that wraps has a box a line, and Chromium draws
        // one outline round them all, so the edges where two lines meet are no part of it.
        const boxes = Array.from(el.getClientRects()).filter(b => b.width > 0 && b.height > 0);
        let perimeter = 0;
        for (const b of boxes) perimeter += 2 * (b.width + b.height);
        for (let i = 1; i < boxes.length; i++) {
          const a = boxes[i - 1], b = boxes[i];
          const shared = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          if (b.top <= a.bottom + 1 && shared > 0) perimeter -= 2 * shared;
        }
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
        return {description: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + name + '"', order: all.indexOf(el),
                visible: visible && right > left && bottom > top, hits: hits, points: points,
                clip: {x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top},
                perimeter: perimeter, boxes: boxes.length, whole: r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh,
                outlineAuto: style.outlineStyle === 'auto', mutations: window.dispatchMutations || 0,
                view: {x: scrollX, y: scrollY, width: vw, height: vh}};
        """.formatted(FocusView.MARGIN);

    private static final String FOCUSABLE = """
        const all = Array.from(document.querySelectorAll('*'));
        return Array.from(document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), summary'))
          .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          // A group of radio buttons is one Tab stop (arrow keys move within it): the checked
          // one, or the first when none is checked.
          .filter(e => !(e.type === 'radio' && e.name) || e === (
            document.querySelector('input[type=radio][name="' + e.name + '"]:checked')
            || document.querySelector('input[type=radio][name="' + e.name + '"]')))
          .map(e => ({order: all.indexOf(e), description: e.tagName.toLowerCase() + ' "' +
            (e.getAttribute('aria-label') || e.textContent || e.id || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '"'}));
        """;

    /**
     * This site's bar for the skip link, from a freshly loaded page (see {@link SkipLink}): the
     * first Tab lands on a visible link that says it skips, and Enter on it takes the keyboard to
     * its target. Returns the findings in a line each, those for a person to check included and
     * marked; none on a good page.
     */
    public static List<String> skipLink(Browser browser) {
        return SkipLink.check(browser, SkipLink.SAYS_SKIP, true).stream().map(Issue::line).toList();
    }

    /** The same, for a page whose skip link must say exactly {@code words} (this site's, in any interface language). */
    public static List<String> skipLink(Browser browser, String words) {
        return SkipLink.check(browser, words::equals, true).stream().map(Issue::line).toList();
    }

    /**
     * Puts the keyboard's starting point at the top of the page, as on arrival. Pages that
     * focus an error summary or a notice on load start a reader there; the checks want the
     * reader who starts from the top. A throwaway element at the start of the body takes focus
     * and is removed, which leaves Chrome's starting point before everything else.
     */
    static void fromTheTop(Browser browser) {
        // Autofocus is applied a frame or two after load: let it happen first, or it would
        // move focus in the middle of the walk.
        browser.driver().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
        browser.evaluate("""
            window.scrollTo(0, 0);
            const s = document.createElement('span');
            s.tabIndex = -1;
            document.body.prepend(s);
            s.focus();
            s.remove();
            """);
    }

    /** Loads nothing: walks the page the browser shows now, from the top. */
    @SuppressWarnings("unchecked")
    public static Result walk(Browser browser) {
        fromTheTop(browser);
        List<Map<String, Object>> reachable = (List<Map<String, Object>>) browser.evaluate(FOCUSABLE);
        int focusable = reachable.size();
        List<Stop> stops = new ArrayList<>();
        List<Issue> atStops = new ArrayList<>();
        boolean trapped = false;
        // Some native controls hold several Tab stops of their own (the day, month, year, hour
        // and minute of a date-time input), during which the focused element stays the same.
        // Only staying longer than any native control needs counts as a trap.
        int repeats = 0;
        int presses = 0;
        int limit = 3 * focusable + 12;
        FocusView view = new FocusView(browser);
        view.holdStill();
        try {
            while (presses++ < limit) {
                browser.tab();
                Map<String, Object> state = (Map<String, Object>) browser.evaluate(STATE);
                if (state == null) {
                    break; // focus left the page: the end of the walk
                }
                Stop stop = new Stop((String) state.get("description"), ((Number) state.get("order")).longValue());
                if (!stops.isEmpty() && stop.order() == stops.get(0).order()) {
                    break; // wrapped round to the first stop
                }
                if (!stops.isEmpty() && stop.order() == stops.get(stops.size() - 1).order()) {
                    if (++repeats > MAX_STOPS_IN_ONE_CONTROL) {
                        trapped = true;
                        break;
                    }
                    continue;
                }
                repeats = 0;
                stops.add(stop);
                List<Issue> judged = view.judge(stop.description(), state);
                if (stop.description().startsWith("iframe")) {
                    // Focus is in the frame's own document, which draws its own focus, or has
                    // nothing to focus (an empty or missing page): not the outer page's doing.
                    judged = judged.stream().map(i -> i.forAPerson("focus is inside a frame, whose own page must show"
                        + " it")).toList();
                }
                atStops.addAll(judged);
            }
        } finally {
            view.letGo();
        }
        if (presses > limit) {
            trapped = true;
        }
        List<String> missed = reachable.stream()
            .filter(e -> stops.stream().noneMatch(st -> st.order() == ((Number) e.get("order")).longValue()))
            .map(e -> (String) e.get("description")).toList();
        return new Result(stops, trapped, focusable, missed, atStops);
    }

    private KeyboardWalk() {}
}
