package dispatch.membership;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The one function that decides how much of an article leaves the server. Every output that
 * carries article text goes through it: the article page, the search results' snippets, the
 * feeds and the newsletters. A reader who may not read the whole article gets the headline,
 * standfirst, lead image and the first paragraphs; the rest is never sent.
 */
public final class Paywall {
    /** Paragraphs of the body a reader sees before the gate. */
    public static final int FREE_PARAGRAPHS = 2;

    /** The class of the part held back from readers who may not read it all, named in the JSON-LD. */
    public static final String GATED_PART = "app-paywalled";

    /** What of the body is sent, and whether the rest was held back. */
    public record Body(String html, boolean gated) {}

    /**
     * The body for a reader. The free part is everything before the body's third paragraph
     * (figures and headings between the first two paragraphs come too). When {@code full}, the
     * rest follows in an element of class {@link #GATED_PART}, which the structured data names
     * as the part not free to everyone; otherwise the rest is left out.
     */
    public static Body body(String bodyHtml, boolean full) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        StringBuilder free = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        int paragraphs = 0;
        for (Element child : doc.body().children()) {
            if (paragraphs >= FREE_PARAGRAPHS) {
                rest.append(child.outerHtml()).append('\n');
                continue;
            }
            free.append(child.outerHtml()).append('\n');
            if (child.tagName().equals("p")) {
                paragraphs++;
            }
        }
        if (!full) {
            return new Body(free.toString(), !rest.isEmpty());
        }
        return new Body(rest.isEmpty() ? free.toString()
            : free + "<div class=\"" + GATED_PART + "\">\n" + rest + "</div>\n", false);
    }

    /**
     * A search result's text: a passage of the body for a reader who may read the whole article
     * ({@code full}), else the article's standfirst.
     */
    public static String snippet(boolean full, String standfirst, String bodySnippet) {
        return full ? bodySnippet : standfirst;
    }

    /**
     * The free part of a body (what {@link #body} sends a reader who may not read on) as plain
     * text. It is stored beside the body when an article is saved, and search matches it, and
     * never the rest, for readers who may not read a members-only article.
     */
    public static String freeText(String bodyHtml) {
        return Jsoup.parseBodyFragment(body(bodyHtml, false).html()).text();
    }

    private Paywall() {}
}
