package dispatch.article;

import dispatch.image.Image;
import dispatch.membership.Paywall;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns an article body written in Markdown into the HTML readers receive. It runs once, when
 * the article is saved; pages show the stored result.
 *
 * <p>Beyond CommonMark and GFM tables, the house syntax is:
 * <ul>
 *   <li>{@code ![](image:NAME)} alone in a paragraph: a figure of the library image NAME, with its
 *       alt text, caption and credit (alt text lives with the image, so it is written once);</li>
 *   <li>{@code <span lang="tr">...</span>} (also on {@code p}, {@code blockquote}, {@code q}): a
 *       passage in another language; right-to-left languages get {@code dir="rtl"} if not given;</li>
 *   <li>a paragraph starting {@code Table: } just before a table becomes the table's caption.</li>
 * </ul>
 * Everything else a writer types as HTML is removed by the sanitiser: no scripts, styles, event
 * handlers or remote images ever reach a page.
 */
public final class BodyRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");
    private static final String IMAGE_SCHEME = "image:";

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final Function<String, Optional<Image>> images;

    /** @param images finds a library image by its name, for inline figures */
    public BodyRenderer(Function<String, Optional<Image>> images) {
        this.images = images;
    }

    /**
     * The rendered body and the facts about it that are stored beside it: its words, and the
     * text of its free part (what readers who may not read on see, {@link Paywall#freeText}),
     * which search matches for them.
     */
    public record Rendered(String html, int wordCount, String freeText) {}

    public Rendered render(String markdown) {
        String raw = renderer.render(parser.parse(markdown));
        Document doc = Jsoup.parseBodyFragment(Jsoup.clean(raw, "https://body.invalid/", safelist(),
            new Document.OutputSettings().prettyPrint(false)));
        doc.outputSettings().prettyPrint(false);
        figures(doc);
        languages(doc);
        tables(doc);
        links(doc);
        int words = doc.body().text().isBlank() ? 0 : doc.body().text().trim().split("\\s+").length;
        String html = doc.body().html();
        return new Rendered(html, words, Paywall.freeText(html));
    }

    private static Safelist safelist() {
        return new Safelist()
            .addTags("p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "ul", "ol", "li", "em", "strong",
                "b", "i", "a", "code", "pre", "hr", "span", "sub", "sup", "abbr", "cite", "img",
                "table", "thead", "tbody", "tr", "th", "td", "caption")
            .addAttributes(":all", "lang", "dir")
            .addAttributes("a", "href")
            .addAttributes("abbr", "title")
            .addAttributes("th", "align", "scope")
            .addAttributes("td", "align")
            .addAttributes("ol", "start")
            .addAttributes("img", "src", "alt")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addProtocols("img", "src", "image")
            .preserveRelativeLinks(true);
    }

    /** Replaces each {@code ![](image:NAME)} paragraph with a figure of that library image. */
    private void figures(Document doc) {
        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            Optional<Image> image = src.startsWith(IMAGE_SCHEME)
                ? images.apply(src.substring(IMAGE_SCHEME.length())) : Optional.empty();
            if (image.isEmpty()) {
                // An image that is not in the library could not be checked for alt text.
                img.remove();
                continue;
            }
            Element figure = figure(image.get());
            Element parent = img.parent();
            if (parent != null && parent.tagName().equals("p") && parent.childrenSize() == 1 && parent.ownText().isBlank()) {
                parent.replaceWith(figure);
            } else {
                img.replaceWith(figure);
            }
        }
    }

    private static Element figure(Image image) {
        // The library's alt text, captions and credits are written in the interface's language
        // (English), whatever the article's: say so, or a screen reader would read them with the
        // article's voice.
        Element figure = new Element("figure").addClass("app-figure").attr("lang", "en").attr("dir", "ltr");
        figure.appendElement("img")
            .attr("src", image.src())
            .attr("srcset", image.srcset())
            .attr("sizes", "(min-width: 48rem) 44rem, 100vw")
            .attr("width", String.valueOf(image.width()))
            .attr("height", String.valueOf(image.height()))
            .attr("alt", image.altText())
            .attr("loading", "lazy")
            .attr("decoding", "async")
            .addClass("app-figure__image");
        if (image.hasCaption()) {
            Element caption = figure.appendElement("figcaption").addClass("app-figure__caption");
            if (image.caption() != null && !image.caption().isBlank()) {
                caption.appendText(image.caption());
            }
            if (image.credit() != null && !image.credit().isBlank()) {
                caption.appendText(" ");
                caption.appendElement("span").addClass("app-figure__credit").text(image.credit());
            }
        }
        return figure;
    }

    private static void languages(Document doc) {
        for (Element el : doc.select("[lang]")) {
            String lang = el.attr("lang").trim();
            el.attr("lang", lang);
            String primary = lang.toLowerCase(Locale.ROOT).split("-")[0];
            if (!el.hasAttr("dir") && RIGHT_TO_LEFT.contains(primary)) {
                el.attr("dir", "rtl");
            }
        }
    }

    private static void tables(Document doc) {
        for (Element table : doc.select("table")) {
            table.addClass("app-table");
            for (Element th : table.select("thead th")) {
                th.attr("scope", "col");
            }
            Element before = table.previousElementSibling();
            if (before != null && before.tagName().equals("p") && before.text().startsWith("Table: ")) {
                table.prependElement("caption").addClass("app-table__caption").text(before.text().substring(7));
                before.remove();
            }
            // Wide tables scroll inside their own box at narrow widths; the box is focusable so
            // that keyboard users can scroll it too, and labelled by the table's caption.
            Element wrap = new Element("div").addClass("app-table-wrap")
                .attr("role", "region").attr("tabindex", "0");
            Element caption = table.selectFirst("caption");
            wrap.attr("aria-label", caption != null ? caption.text() : "Table");
            table.replaceWith(wrap);
            wrap.appendChild(table);
        }
    }

    private static void links(Document doc) {
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("https://body.invalid/")) {
                a.attr("href", href.substring("https://body.invalid".length()));
            }
        }
    }
}
