package dispatch.audit;

import java.util.List;

/**
 * Content that is lost when a page is narrow or its text is spaced out: a page wider than the
 * screen (WCAG 1.4.10, reflow at 320 CSS px) and text cut off by {@code overflow: hidden}
 * (1.4.12, text spacing). Runs on the page the browser shows now.
 */
public final class Reflow {

    /**
     * The page's width if it is wider than the viewport, and every element whose text is cut off
     * by overflow: hidden. Text hidden on purpose for screen readers (a box of 1 px or less, or
     * clipped by clip or clip-path, as skip links and "visually hidden" helpers are) is not lost
     * content, so it is left out, on any site.
     */
    private static final String OVERFLOW = """
        const width = document.documentElement.clientWidth;
        const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
        const wide = [];
        if (document.documentElement.scrollWidth > width + 1) {
          // What sticks out of the window: the outermost elements past its edge.
          const out = e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); };
          const culprits = Array.from(document.querySelectorAll('body *'))
            .filter(e => out(e) && !(e.parentElement && e.parentElement !== document.body && out(e.parentElement)));
          const exempt = culprits.length > 0 && culprits.every(e => e.closest(TWO_DIMENSIONAL));
          const named = culprits.slice(0, 5).map(name).join(', ');
          wide.push(['html', 'the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + width
            + ' px window' + (named ? ', made wider by ' + named : '')
            + (exempt ? '. This is content 1.4.10 may exempt (data tables, images, maps, diagrams, video, code that'
              + ' needs its lines): a person must check that it needs two dimensions, and that nothing else is cut off' : ''),
            exempt ? 'to-check' : 'certain']);
        }
        const cut = Array.from(document.querySelectorAll('body *')).filter(e => {
          const s = getComputedStyle(e);
          if (s.overflowY !== 'hidden' && s.overflowX !== 'hidden') return false;
          if (!e.textContent.trim() || e.clientWidth <= 1 || e.clientHeight <= 1) return false;
          if ((s.clipPath && s.clipPath !== 'none') || (s.clip && s.clip !== 'auto')) return false;
          return e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
        }).map(e => [name(e), 'text is cut off in ' + name(e) + ' ("' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60) + '")', 'certain']);
        return wide.concat(cut);
        """.replace("TWO_DIMENSIONAL", "'table, img, picture, svg, canvas, video, iframe, object, embed, math, pre, [role=img]'");

    /**
     * WCAG 1.4.12's text-spacing override (line height 1.5, paragraph spacing 2 em, letter
     * spacing 0.12 em, word spacing 0.16 em), applied through the CSSOM, which a strict Content
     * Security Policy allows, as a reader's user style sheet or bookmarklet would.
     */
    private static final String TEXT_SPACING = """
        for (const e of document.querySelectorAll('body *')) {
          e.style.setProperty('line-height', '1.5', 'important');
          e.style.setProperty('letter-spacing', '0.12em', 'important');
          e.style.setProperty('word-spacing', '0.16em', 'important');
        }
        for (const p of document.querySelectorAll('p')) p.style.setProperty('margin-bottom', '2em', 'important');
        """;

    /**
     * Something lost: the element (a CSS-like name, "html" for the whole page) and what happened;
     * not certain when all that makes the page too wide is content that WCAG 1.4.10 exempts
     * if it needs two dimensions (a data table, an image, a video, a map), which a person judges.
     */
    public record Loss(String element, String message, boolean certain) {}

    /** What overflows or is cut off on the page as it is shown now; empty when nothing is lost. */
    @SuppressWarnings("unchecked")
    public static List<Loss> losses(Browser browser) {
        return ((List<List<String>>) browser.script(OVERFLOW)).stream()
            .map(l -> new Loss(l.get(0), l.get(1), l.get(2).equals("certain"))).toList();
    }

    /** The same, as sentences. */
    public static List<String> lostContent(Browser browser) {
        return losses(browser).stream().map(Loss::message).toList();
    }

    /** Applies the text-spacing override to the page shown now. */
    public static void spaceText(Browser browser) {
        browser.script(TEXT_SPACING);
    }

    private Reflow() {}
}
