package dispatch.check;

import dispatch.web.Messages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The newsroom's checks of what a text says, run on any page as a browser rendered it, for the
 * audit: link text that says nothing out of context or is a web address, alt text that is a file
 * name, starts "image of", repeats its caption or runs long, passages in capital letters, and
 * passages in another writing system without a language. Each is worded as the newsroom words it.
 * A link with no text at all is left to axe's link-name rule, which reports it already.
 */
public final class RenderedPageChecks {

    /**
     * One finding on the page.
     *
     * @param kind    what the newsroom calls it: linkVague, linkAddress, altFileName, altRedundant,
     *                altCaption, altLong, capitals or langMissing
     * @param element the element it is about, as a short CSS path ("main > p:nth-child(3) > a")
     */
    public record Found(String kind, String element, String message, String why, String fix) {}

    /**
     * @param page the page as rendered, with what is not shown (display: none, visibility: hidden)
     *             already taken out; its {@code <html lang>} says the language of its text
     */
    public static List<Found> check(Document page) {
        Element html = page.selectFirst("html");
        String language = html == null ? "" : html.attr("lang").strip();
        // Apart from the document, so that only a lang inside the body marks a passage: the
        // page's own language is the one the passages are compared with.
        Body body = Body.of(page.body().clone());
        Findings out = new Findings(body);
        ArticleDraft draft = new ArticleDraft("", "", language, "", null);
        new LinkChecks().check(draft, body, out);
        new CapitalsChecks().check(draft, body, out);
        if (!language.isEmpty()) {
            // Without a language for the page there is nothing to compare with; axe reports that.
            new LanguageChecks().check(draft, body, out);
        }
        for (Element img : body.select("img[alt]")) {
            Element figure = img.closest("figure");
            Element caption = figure == null ? null : figure.selectFirst("figcaption");
            String name = fileName(img.attr("src"));
            AltText.problems(img.attr("alt"), caption == null ? null : caption.text(),
                    l -> Messages.format(l, "check.image.body", name), "body", language)
                .forEach(f -> out.add(img, f));
        }
        List<Found> found = new ArrayList<>();
        for (Findings.Placed p : out.placed()) {
            String kind = p.finding().said().message().replaceAll("\\..*", "");
            if (kind.equals("linkEmpty")) {
                continue;
            }
            found.add(new Found(kind, path(p.at()), p.finding().message("en"), p.finding().why("en"),
                p.finding().fix("en")));
        }
        return found;
    }

    /** The last part of an image's address, which is how an editor knows it: "IMG_2041.jpg". */
    private static String fileName(String src) {
        if (src.startsWith("data:")) {
            return "(an image in the page)";
        }
        try {
            String path = URI.create(src.strip()).getPath();
            if (path != null && !path.isEmpty()) {
                return path.substring(path.lastIndexOf('/') + 1);
            }
        } catch (IllegalArgumentException e) {
            // An address the page got wrong: shown as written.
        }
        return src.length() > 80 ? src.substring(0, 80) + "…" : src;
    }

    /** A CSS path to the element a finding is about (the element around it, for text). */
    private static String path(Node at) {
        Element element = at instanceof Element e ? e : at == null ? null : (Element) at.parent();
        return element == null ? "body" : element.cssSelector();
    }

    private RenderedPageChecks() {}
}
