package dispatch.support;

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

    /** What the walk found: the stops in Tab order, and whether Tab ever got stuck. */
    public record Result(List<Stop> stops, boolean trapped, int focusable, List<String> missed) {

        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (trapped) {
                problems.add("keyboard trap: Tab stopped moving forward after " + stops.size() + " stops");
            }
            for (int i = 0; i < stops.size(); i++) {
                Stop stop = stops.get(i);
                if (!stop.indicator()) {
                    problems.add("no visible focus indicator on " + stop.description());
                }
                if (!stop.visible()) {
                    problems.add("focused element cannot be seen: " + stop.description());
                }
                if (!stop.unobscured()) {
                    problems.add("focused element is covered by something else: " + stop.description());
                }
                if (i > 0 && stop.order() <= stops.get(i - 1).order()) {
                    problems.add("Tab order goes against the reading order at " + stop.description()
                        + " (after " + stops.get(i - 1).description() + ")");
                }
            }
            if (!missed.isEmpty()) {
                problems.add("only " + stops.size() + " of " + focusable + " focusable elements were reached by Tab; "
                    + "not reached: " + String.join(", ", missed));
            }
            return problems;
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
        return {description: el.tagName.toLowerCase() + ' "' + name + '"', order: all.indexOf(el),
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
        return {text: (el.textContent || '').trim(), href: el.getAttribute('href'), id: el.id,
                width: r.width, height: r.height, onTop: !!hit && (hit === el || el.contains(hit)),
                inMain: !!document.querySelector('main') && document.querySelector('main').contains(el)};
        """;

    /**
     * Checks the skip link from a freshly loaded page: the first Tab must land on a visible
     * "Skip to main content" link; Enter must move focus to the main content, and the next Tab
     * must continue inside it. Returns the problems found; none on a good page.
     */
    public static List<String> skipLink(Browser browser) {
        return skipLink(browser, "Skip to main content");
    }

    /** The same, for a page whose interface speaks another language: the link says {@code text}. */
    @SuppressWarnings("unchecked")
    public static List<String> skipLink(Browser browser, String text) {
        fromTheTop(browser);
        List<String> problems = new ArrayList<>();
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        Map<String, Object> first = (Map<String, Object>) browser.script(FOCUSED);
        if (!text.equals(first.get("text")) || first.get("href") == null
                || !String.valueOf(first.get("href")).startsWith("#")) {
            problems.add("the first Tab stop is not a skip link: " + first);
            return problems;
        }
        if (((Number) first.get("width")).doubleValue() < 24 || ((Number) first.get("height")).doubleValue() < 24
                || !(Boolean) first.get("onTop")) {
            problems.add("the focused skip link cannot be seen: " + first);
        }
        keys.sendKeys(Keys.ENTER).perform();
        Map<String, Object> target = (Map<String, Object>) browser.script(FOCUSED);
        if (!("#" + target.get("id")).equals(first.get("href"))) {
            problems.add("Enter on the skip link did not move focus to its target: focus is on " + target);
        }
        keys.sendKeys(Keys.TAB).perform();
        Map<String, Object> next = (Map<String, Object>) browser.script(FOCUSED);
        if (!(Boolean) next.get("inMain")) {
            problems.add("the Tab after skipping did not continue inside the main content: " + next);
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
