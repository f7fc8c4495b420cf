package dispatch.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;

/**
 * An article body parsed the way {@link dispatch.article.BodyRenderer} parses it (CommonMark with
 * GFM tables), but neither sanitised nor rewritten: the renderer silently drops what it cannot
 * vouch for, such as remote images, and the checks need to see those to report them.
 */
final class Body {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    // Both are immutable and safe to share between threads.
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** Elements that sit inside a line of text rather than starting a block of their own. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "br", "cite", "code", "del", "em", "i",
        "img", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u");

    private final Element root;
    private final Map<Node, Integer> order = new IdentityHashMap<>();

    private Body(Element root) {
        this.root = root;
        NodeTraversor.traverse((node, depth) -> order.put(node, order.size()), root);
    }

    /** A page as a browser rendered it, for the audit: its elements are checked as they are. */
    static Body of(Element root) {
        return new Body(root);
    }

    static Body parse(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return new Body(Jsoup.parseBodyFragment(html).body());
    }

    Element root() {
        return root;
    }

    Elements select(String css) {
        return root.select(css);
    }

    /** Where a node comes in the body, for putting findings in document order. */
    int position(Node node) {
        return order.getOrDefault(node, Integer.MAX_VALUE);
    }

    /** The first text in an element that contains the word, where a passage found in the element starts. */
    static Node textContaining(Element element, String word) {
        return element.nodeStream(TextNode.class).filter(t -> t.getWholeText().contains(word))
            .findFirst().map(Node.class::cast).orElse(element);
    }

    static boolean isInline(Element element) {
        return INLINE.contains(element.normalName());
    }

    /** True when the node, or an element around it, names its language. */
    static boolean hasLanguage(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element e && !e.attr("lang").isBlank()) {
                return true;
            }
        }
        return false;
    }
}
