package dispatch.check;

import java.lang.Character.UnicodeScript;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Passages in another writing system must say what language they are in, or screen readers read
 * them with the article's voice. Only the script is checked: any lang attribute counts, because
 * one script serves many languages (Arabic letters write Arabic, Persian, Urdu, Ottoman Turkish).
 */
final class LanguageChecks implements Check {
    private static final String WHY = "Screen readers choose a voice from the language of the text. Without a "
        + "language mark they read this with the article's voice, which mangles it or skips it, so listeners "
        + "cannot understand it.";

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        Set<UnicodeScript> own = Scripts.own(draft.language());
        for (var p : ForeignText.in(draft.headline(), own)) {
            out.add(plainField("headline", "The headline", p));
        }
        for (var p : ForeignText.in(draft.standfirst(), own)) {
            out.add(plainField("standfirst", "The standfirst", p));
        }
        ForeignText scan = new ForeignText(own);
        body.root().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !Body.hasLanguage(node)) {
                    scan.feed(node, text.getWholeText());
                } else if (node instanceof Element e && breaks(e)) {
                    scan.end();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && breaks(e)) {
                    scan.end();
                }
            }
        });
        scan.end();
        for (var p : scan.passages()) {
            out.add(p.at(), Finding.warning("lang-missing", "body",
                Quote.of(p.text()) + " is in " + Scripts.name(p.script()) + ", but its language is not marked.",
                WHY,
                "Put the passage inside a span that names its language, such as "
                    + Scripts.example(p.script()) + "."));
        }
    }

    /** A passage never runs across a block, nor into or out of an element that names its language. */
    private static boolean breaks(Element e) {
        return !Body.isInline(e) || !e.attr("lang").isBlank();
    }

    private static Finding plainField(String field, String label, ForeignText.Passage p) {
        return Finding.warning("lang-missing", field,
            label + " contains " + Quote.of(p.text()) + ", in " + Scripts.name(p.script())
                + ", and cannot mark its language.",
            WHY,
            "Write it in Latin letters here, and give the original in the body inside a span that names its "
                + "language, such as " + Scripts.example(p.script()) + ".");
    }
}
