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
    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        Set<UnicodeScript> own = Scripts.own(draft.language());
        for (var p : ForeignText.in(draft.headline(), own)) {
            out.add(plainField("headline", "langMissing.headline", p));
        }
        for (var p : ForeignText.in(draft.standfirst(), own)) {
            out.add(plainField("standfirst", "langMissing.standfirst", p));
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
            // The passage's language is what is missing, so it cannot be marked with one here.
            out.add(p.at(), Finding.warning("lang-missing", "body", "langMissing.body", "langMissing",
                Quote.shorten(p.text()), (Finding.Localized) l -> Scripts.name(p.script(), l),
                (Finding.Localized) l -> Scripts.example(p.script(), l)));
        }
    }

    /** A passage never runs across a block, nor into or out of an element that names its language. */
    private static boolean breaks(Element e) {
        return !Body.isInline(e) || !e.attr("lang").isBlank();
    }

    private static Finding plainField(String field, String message, ForeignText.Passage p) {
        return Finding.warning("lang-missing", field, message, "langMissingField",
            Quote.shorten(p.text()), (Finding.Localized) l -> Scripts.name(p.script(), l),
            (Finding.Localized) l -> Scripts.example(p.script(), l));
    }
}
