package dispatch.check;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Link text that says where the link goes, even when read on its own. */
final class LinkChecks implements Check {
    private static final Set<String> VAGUE = Set.of("click here", "here", "read more", "more", "this", "link",
        "this link", "learn more", "find out more");

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        for (Element link : body.select("a[href]")) {
            // Only the text counts: the sanitiser removes aria-label and title before readers see the link.
            String text = link.text().replace('\u00a0', ' ').strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                String what = link.selectFirst("img") != null ? " has only an image, and no text." : " has no text.";
                out.add(link, Finding.warning("link-text", "body",
                    "The link to " + Quote.of(link.attr("href")) + what,
                    "Screen readers announce a link by its text. Without any, listeners hear only ‘link’ or the "
                        + "web address and cannot tell where it goes, and voice-control users have no words to "
                        + "say to follow it.",
                    "Put words inside the link that say where it goes, such as the title of the page."));
            } else if (VAGUE.contains(lower.replaceAll("[\\s\\p{Punct}…→»›]+$", "").replaceAll("\\s+", " "))) {
                out.add(link, Finding.warning("link-text", "body",
                    "The link text " + Quote.of(text) + " does not say where the link goes.",
                    "Screen-reader users often list a page's links to find their way around, and hear each one "
                        + "out of context. A list of links all called " + Quote.of(text) + " tells them nothing.",
                    "Use words that say where the link goes, for example ‘our report on the 2024 local "
                        + "elections’ rather than ‘click here’."));
            } else if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
                out.add(link, Finding.warning("link-text", "body",
                    "The link text " + Quote.of(text) + " is a web address.",
                    "Screen readers read web addresses out in fragments or letter by letter, which is slow and "
                        + "hard to follow, and a long address can spill out of the page for people who zoom in.",
                    "Use the name of the page or report as the link text instead."));
            }
        }
    }
}
