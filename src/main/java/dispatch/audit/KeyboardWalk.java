package dispatch.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Walks a page with the Tab key, as a keyboard user would, and records every focus stop:
 * what it is, where it sits in the document, whether a focus indicator shows, and whether the
 * element can be seen (not clipped, not covered by anything else).
 */
public final class KeyboardWalk {

    /** One focus stop. {@code order} is the element's position in document order. */
    public record Stop(String description, long order, boolean indicator, boolean visible, boolean unobscured) {}

    /**
     * One problem the walk found. {@code rule} names the kind (see {@code audit/checks.yaml}):
     * keyboard-trap, not-keyboard-reachable, focus-not-visible, focus-off-screen,
     * focus-obscured or focus-order; {@code element} is the focus stop concerned.
     */
    public record Issue(String rule, String message, String element) {}

    /** What the walk found: the stops in Tab order, and whether Tab ever got stuck. */
    public record Result(List<Stop> stops, boolean trapped, int focusable, List<String> missed) {

        public List<Issue> issues() {
            List<Issue> issues = new ArrayList<>();
            if (trapped) {
                String last = stops.isEmpty() ? "" : stops.get(stops.size() - 1).description();
                issues.add(new Issue("keyboard-trap", "keyboard trap: Tab stopped moving forward after " + stops.size()
                    + " stops", last));
            }
            for (int i = 0; i < stops.size(); i++) {
                Stop stop = stops.get(i);
                if (!stop.indicator()) {
                    issues.add(new Issue("focus-not-visible", "no visible focus indicator on " + stop.description(),
                        stop.description()));
                }
                if (!stop.visible()) {
                    issues.add(new Issue("focus-off-screen", "focused element cannot be seen: " + stop.description(),
                        stop.description()));
                }
                if (!stop.unobscured()) {
                    issues.add(new Issue("focus-obscured", "focused element is covered by something else: "
                        + stop.description(), stop.description()));
                }
                if (i > 0 && stop.order() <= stops.get(i - 1).order()) {
                    issues.add(new Issue("focus-order", "Tab order goes against the reading order at "
                        + stop.description() + " (after " + stops.get(i - 1).description() + ")", stop.description()));
                }
            }
            if (!missed.isEmpty()) {
                issues.add(new Issue("not-keyboard-reachable", "only " + stops.size() + " of " + focusable
                    + " focusable elements were reached by Tab; not reached: " + String.join(", ", missed),
                    String.join(", ", missed)));
            }
            return issues;
        }

        public List<String> problems() {
            return issues().stream().map(Issue::message).toList();
        }
    }

    static final int MAX_STOPS_IN_ONE_CONTROL = 8;

    private static final String STATE = """
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const all = Array.from(document.querySelectorAll('*'));
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const shadow = style.boxShadow && style.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        const visible = r.width >= 1 && r.height >= 1 && style.visibility !== 'hidden'
          && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
        let unobscured = false;
        if (visible) {
          // A link that wraps has one box per line: test the first line's box, not the
          // bounding box, whose corner may lie over the text before the link.
          const box = el.getClientRects()[0] || r;
          const x = Math.min(Math.max(box.left + Math.min(box.width, 8) / 2, 0), innerWidth - 1);
          const y = Math.min(Math.max(box.top + Math.min(box.height, 8) / 2, 0), innerHeight - 1);
          const hit = document.elementFromPoint(x, y);
          unobscured = !!hit && (hit === el || el.contains(hit) || hit.contains(el));
        }
        const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
        return {description: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + name + '"', order: all.indexOf(el),
                indicator: outline || shadow, visible: visible, unobscured: unobscured};
        """;

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

    private static final String FOCUSED = """
        const el = document.activeElement, r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const text = (el.textContent || '').trim().replace(/\\s+/g, ' ');
        return {text: text, href: el.getAttribute('href'), id: el.id,
                description: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text.slice(0, 60) + '"',
                width: r.width, height: r.height, onTop: !!hit && (hit === el || el.contains(hit))};
        """;

    /**
     * Marks the element the skip link moved focus to, and says whether anything focusable lies
     * inside it or after it.
     */
    private static final String MARK_SKIP_TARGET = """
        const target = document.activeElement;
        window.dispatchSkipTarget = target;
        return Array.from(document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), summary'))
          .some(e => !e.disabled && e.getClientRects().length > 0
            && (target.contains(e) || !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)));
        """;

    /** Whether focus is now inside the skip link's target or after it. */
    private static final String AFTER_SKIP_TARGET = """
        const el = document.activeElement, target = window.dispatchSkipTarget;
        return target.contains(el) || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        """;

    /**
     * Checks the skip link from a freshly loaded page: the first Tab must land on a visible
     * same-page link whose text says it skips ("Skip to main content", "Skip to content",
     * "Jump to the article"...); Enter must move focus to its target, and the next Tab must
     * continue from there, not go back to the top. Returns the problems found; none on a good page.
     */
    public static List<String> skipLink(Browser browser) {
        return skipLink(browser, text -> text.matches("(?iu).*\\b(skip|jump)\\b.*"));
    }

    /** The same, for a page whose skip link must say exactly {@code words} (this site's, in any interface language). */
    public static List<String> skipLink(Browser browser, String words) {
        return skipLink(browser, words::equals);
    }

    @SuppressWarnings("unchecked")
    private static List<String> skipLink(Browser browser, java.util.function.Predicate<String> saysSkip) {
        fromTheTop(browser);
        List<String> problems = new ArrayList<>();
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        Map<String, Object> first = (Map<String, Object>) browser.script(FOCUSED);
        String text = String.valueOf(first.get("text"));
        if (!saysSkip.test(text) || first.get("href") == null
                || !String.valueOf(first.get("href")).startsWith("#") || String.valueOf(first.get("href")).length() < 2) {
            problems.add("the first Tab stop is not a skip link: it is " + first.get("description"));
            return problems;
        }
        if (((Number) first.get("width")).doubleValue() < 24 || ((Number) first.get("height")).doubleValue() < 24
                || !(Boolean) first.get("onTop")) {
            problems.add("the focused skip link cannot be seen: " + first.get("description") + " is "
                + Math.round(((Number) first.get("width")).doubleValue()) + " by "
                + Math.round(((Number) first.get("height")).doubleValue()) + " px"
                + ((Boolean) first.get("onTop") ? "" : " and covered by something else"));
        }
        keys.sendKeys(Keys.ENTER).perform();
        Map<String, Object> target = (Map<String, Object>) browser.script(FOCUSED);
        if (!("#" + target.get("id")).equals(first.get("href"))) {
            problems.add("Enter on the skip link (to " + first.get("href") + ") did not move focus to its target: "
                + "focus is on " + target.get("description"));
            return problems;
        }
        // A page whose main content holds nothing focusable, with nothing after it, lets Tab go
        // back to the top: that is no fault of the skip link.
        if (Boolean.TRUE.equals(browser.script(MARK_SKIP_TARGET))) {
            keys.sendKeys(Keys.TAB).perform();
            if (!Boolean.TRUE.equals(browser.script(AFTER_SKIP_TARGET))) {
                Map<String, Object> next = (Map<String, Object>) browser.script(FOCUSED);
                problems.add("the Tab after skipping did not continue from the main content: focus is on "
                    + next.get("description"));
            }
        }
        return problems;
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
        browser.script("""
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
        List<Map<String, Object>> reachable = (List<Map<String, Object>>) browser.script(FOCUSABLE);
        int focusable = reachable.size();
        List<Stop> stops = new ArrayList<>();
        boolean trapped = false;
        Actions keys = new Actions(browser.driver());
        // Some native controls hold several Tab stops of their own (the day, month, year, hour
        // and minute of a date-time input), during which the focused element stays the same.
        // Only staying longer than any native control needs counts as a trap.
        int repeats = 0;
        int presses = 0;
        int limit = 3 * focusable + 12;
        while (presses++ < limit) {
            keys.sendKeys(Keys.TAB).perform();
            Map<String, Object> state = (Map<String, Object>) browser.script(STATE);
            if (state == null) {
                break; // focus left the page: the end of the walk
            }
            Stop stop = new Stop((String) state.get("description"), ((Number) state.get("order")).longValue(),
                (Boolean) state.get("indicator"), (Boolean) state.get("visible"), (Boolean) state.get("unobscured"));
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
        }
        if (presses > limit) {
            trapped = true;
        }
        List<String> missed = reachable.stream()
            .filter(e -> stops.stream().noneMatch(st -> st.order() == ((Number) e.get("order")).longValue()))
            .map(e -> (String) e.get("description")).toList();
        return new Result(stops, trapped, focusable, missed);
    }

    private KeyboardWalk() {}
}
