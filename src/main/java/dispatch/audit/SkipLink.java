package dispatch.audit;

import dispatch.audit.KeyboardWalk.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The skip link, judged by where the keyboard goes. From a freshly loaded page the first Tab
 * must land on a same-page link that skips to the main content; after Enter on it, focus must
 * be on its target (or inside it), or the next Tab must land on the first focusable element at
 * or after the target, and the target must have been scrolled into view. A target that takes
 * no focus (a {@code <main>} without tabindex) is fine: Chromium then leaves
 * {@code document.activeElement} on the body but moves the sequential focus starting point,
 * which is what keyboard and screen-reader users follow.
 *
 * <p>A page whose first Tab stop is already in its main content has nothing to bypass. For the
 * audit, a page without a skip link but with a main landmark or headings may meet 2.4.1 by
 * those (techniques ARIA11 and H69): a person must judge it. The site's own tests hold every
 * page to having a working skip link ({@code strict}).
 */
final class SkipLink {

    /** The first Tab stop, the main content, and the link's target if it is a same-page link. */
    private static final String FIRST = """
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const main = document.querySelector('main, [role=main]');
        const text = (el.textContent || '').trim().replace(/\\s+/g, ' ');
        const href = el.getAttribute('href') || '';
        const samePage = el.tagName === 'A' && href.startsWith('#') && href.length > 1;
        let target = null;
        if (samePage) {
          let id = href.slice(1);
          try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
          target = document.getElementById(id) || document.getElementsByName(id)[0] || null;
        }
        window.dispatchSkipTarget = target;
        const r = el.getBoundingClientRect();
        let hits = 0, inside = 0;
        for (const f of [0.25, 0.5, 0.75]) {
          const x = r.left + r.width * f, y = r.top + r.height / 2;
          if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
          inside++;
          const hit = document.elementFromPoint(x, y);
          if (hit && (hit === el || el.contains(hit))) hits++;
        }
        return {text: text, href: href, samePage: samePage, found: !!target,
                toMain: !!target && !!main && (target === main || target.contains(main) || main.contains(target)),
                inMain: !!main && main.contains(el), main: !!main,
                headings: document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]').length,
                description: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text.slice(0, 60) + '"',
                width: r.width, height: r.height, covered: inside > 0 && hits === 0};
        """;

    /**
     * After Enter: whether focus is on the target or in it, whether the target is in the window
     * (a target with no box at all is not), and the first focusable element at or after it.
     */
    private static final String AFTER_ENTER = """
        const target = window.dispatchSkipTarget, el = document.activeElement;
        const boxes = target.getClientRects().length > 0;
        const r = target.getBoundingClientRect();
        const vw = document.documentElement.clientWidth, vh = innerHeight;
        const inView = boxes && r.bottom >= 0 && r.right >= 0 && r.top < vh && r.left < vw;
        const focusable = Array.from(document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), summary'))
          .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
            && (e === target || target.contains(e) || !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)));
        window.dispatchSkipNext = focusable[0] || null;
        const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
          + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '"';
        return {onTarget: el === target || target.contains(el), inView: inView, boxes: boxes,
                focused: describe(el), next: focusable.length ? describe(focusable[0]) : null,
                target: describe(target)};
        """;

    /** After the next Tab: where focus is, and whether it is where the skip link should have led. */
    private static final String AFTER_TAB = """
        const el = document.activeElement, target = window.dispatchSkipTarget;
        const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
          + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '"';
        return {expected: el === window.dispatchSkipNext,
                after: target.contains(el) || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
                focused: describe(el)};
        """;

    /** Words that say a link skips: "Skip to main content", "Skip to content", "Jump to the article". */
    static final Predicate<String> SAYS_SKIP = text -> text.matches("(?iu).*\\b(skip|jump)\\b.*");

    /** The audit's check: a skip link, or WCAG's other ways to bypass blocks. */
    static List<Issue> audit(Browser browser) {
        return check(browser, SAYS_SKIP, false);
    }

    @SuppressWarnings("unchecked")
    static List<Issue> check(Browser browser, Predicate<String> saysSkip, boolean strict) {
        KeyboardWalk.fromTheTop(browser);
        // No skip link sliding in mid-transition while it is measured.
        FocusView still = new FocusView(browser);
        still.holdStill();
        try {
            return check(browser, saysSkip, strict, new ArrayList<>());
        } finally {
            still.letGo();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Issue> check(Browser browser, Predicate<String> saysSkip, boolean strict, List<Issue> issues) {
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        Map<String, Object> first = (Map<String, Object>) browser.script(FIRST);
        String where = "the first Tab stop";
        if (first == null) {
            if (strict) {
                issues.add(Issue.certain("skip-link", "the first Tab stop is not a skip link: nothing took focus", where,
                    null));
            }
            return issues; // nothing focusable: no blocks for a keyboard user to bypass
        }
        String description = (String) first.get("description");
        boolean isSkipLink = Boolean.TRUE.equals(first.get("samePage"))
            && (saysSkip.test((String) first.get("text")) || (!strict && Boolean.TRUE.equals(first.get("toMain"))));
        if (!isSkipLink) {
            if (strict) {
                issues.add(Issue.certain("skip-link", "the first Tab stop is not a skip link: it is " + description,
                    where, null));
            } else if (Boolean.TRUE.equals(first.get("inMain"))) {
                return issues; // the first Tab stop is in the main content: nothing comes before it
            } else if (Boolean.TRUE.equals(first.get("main")) || ((Number) first.get("headings")).intValue() > 0) {
                issues.add(Issue.toCheck("skip-link", "the first Tab stop is not a skip link: it is " + description
                    + ". The page has " + (Boolean.TRUE.equals(first.get("main")) ? "a main landmark" : "headings")
                    + ", which let screen-reader users bypass what comes before the main content (2.4.1 techniques"
                    + " ARIA11, H69), but not other keyboard users: a person must judge whether the blocks before it"
                    + " need a skip link", where, Evidence.of("First Tab stop: " + description + ".")));
            } else {
                issues.add(Issue.certain("skip-link", "the first Tab stop is not a skip link: it is " + description
                    + ", and the page has neither a main landmark nor headings to bypass what comes before its content",
                    where, Evidence.of("First Tab stop: " + description + "; no main landmark; no headings.")));
            }
            return issues;
        }
        if (!Boolean.TRUE.equals(first.get("found"))) {
            issues.add(Issue.certain("skip-link", "the skip link " + description + " leads to " + first.get("href")
                + ", which is not on the page", where, Evidence.of("No element has the id or name "
                + ((String) first.get("href")).substring(1) + ".")));
            return issues;
        }
        double width = ((Number) first.get("width")).doubleValue();
        double height = ((Number) first.get("height")).doubleValue();
        if (width < 4 || height < 4) {
            issues.add(Issue.certain("skip-link", "the focused skip link cannot be seen: " + description + " is "
                + Math.round(width) + " by " + Math.round(height) + " px", where,
                Evidence.of("Size when focused: " + Math.round(width) + " by " + Math.round(height) + " CSS px.")));
        } else if (Boolean.TRUE.equals(first.get("covered"))) {
            issues.add(Issue.toCheck("skip-link", "the focused skip link " + description + " lies under another"
                + " element: a person must check that it can be seen", where,
                Evidence.of("Three points across the middle of the link all lie under another element.")));
        }
        keys.sendKeys(Keys.ENTER).perform();
        Map<String, Object> after = (Map<String, Object>) browser.script(AFTER_ENTER);
        String target = (String) after.get("target");
        if (!Boolean.TRUE.equals(after.get("inView"))) {
            issues.add(Issue.certain("skip-link", "Enter on the skip link did not bring its target (" + target + ") into"
                + " view", where, Evidence.of(Boolean.TRUE.equals(after.get("boxes"))
                ? "After Enter, the target lies outside the window." : "The target is not displayed (it has no box).")));
        }
        if (Boolean.TRUE.equals(after.get("onTarget")) || after.get("next") == null) {
            // Focus is on the target; or nothing focusable follows it, so the next Tab may rightly
            // go back to the top.
            return issues;
        }
        keys.sendKeys(Keys.TAB).perform();
        Map<String, Object> next = (Map<String, Object>) browser.script(AFTER_TAB);
        String measured = "After Enter, focus was on " + after.get("focused") + "; the next Tab went to "
            + next.get("focused") + "; the first focusable element at or after the target " + target + " is "
            + after.get("next") + ".";
        if (Boolean.TRUE.equals(next.get("expected"))) {
            return issues;
        }
        if (Boolean.TRUE.equals(next.get("after"))) {
            issues.add(Issue.toCheck("skip-link", "after the skip link, the next Tab went to " + next.get("focused")
                + ", past " + after.get("next") + ", the first focusable element after its target: a person must check"
                + " the order", where, Evidence.of(measured)));
        } else {
            issues.add(Issue.certain("skip-link", "Enter on the skip link (to " + first.get("href") + ") did not move"
                + " the keyboard to its target: the next Tab went to " + next.get("focused"), where,
                Evidence.of(measured)));
        }
        return issues;
    }

    private SkipLink() {}
}
