package dispatch.audit;

import dispatch.check.RenderedPageChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What the page says, judged by the newsroom's checks (see {@link RenderedPageChecks}) on the page
 * as the browser rendered it: only what is shown or read aloud, never what is hidden. An alt text
 * that is an image's file name is certain to fail 1.1.1; everything else these checks find
 * depends on the words around it and on the writer's intent, and is for a person to check.
 */
final class PageText {
    /** The newsroom's name for a finding, and the audit's rule for it. */
    private static final Map<String, String> RULES = Map.of("linkVague", "link-purpose", "linkAddress", "link-address",
        "altFileName", "alt-file-name", "altRedundant", "alt-quality", "altCaption", "alt-quality", "altLong",
        "alt-quality", "capitals", "capitals", "langMissing", "language-of-parts");

    /**
     * A copy of the document without what is not rendered (display: none, visibility: hidden,
     * and what such elements contain) and without scripts, styles and templates. Text hidden
     * only visually, as screen-reader-only text is, stays: it is read aloud.
     */
    private static final String RENDERED = """
        const copy = document.documentElement.cloneNode(true);
        const live = document.documentElement.querySelectorAll('body *');
        const copies = copy.querySelectorAll('body *');
        const hidden = [];
        for (let i = 0; i < live.length && i < copies.length; i++) {
          if (!live[i].checkVisibility({visibilityProperty: true})) hidden.push(copies[i]);
        }
        hidden.forEach(e => e.remove());
        copy.querySelectorAll('script, style, noscript, template').forEach(e => e.remove());
        return copy.outerHTML;
        """;

    /** What was found, certain and for a person to check. */
    record Found(List<Problem> certain, List<Problem> toCheck) {}

    static Found check(String url, Browser browser) {
        Document page = Jsoup.parse((String) browser.script(RENDERED));
        List<Problem> certain = new ArrayList<>();
        List<Problem> toCheck = new ArrayList<>();
        for (RenderedPageChecks.Found found : RenderedPageChecks.check(page)) {
            String rule = RULES.get(found.kind());
            if (rule == null) {
                continue;  // a kind of finding this version does not map; the newsroom alone shows it
            }
            Problem problem = Problems.worded(url, "page-text", rule, found.element(),
                rule.equals("alt-file-name") ? found.message() : found.message() + " A person must check.",
                found.why(), found.fix());
            (rule.equals("alt-file-name") ? certain : toCheck).add(problem);
        }
        return new Found(certain, toCheck);
    }

    private PageText() {}
}
