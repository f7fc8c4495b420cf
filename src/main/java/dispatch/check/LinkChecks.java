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
                out.add(link, Finding.warning("link-text", "body",
                    link.selectFirst("img") != null ? "linkEmpty.image" : "linkEmpty.text", "linkEmpty",
                    Quote.shorten(link.attr("href"))));
            } else if (VAGUE.contains(lower.replaceAll("[\\s\\p{Punct}…→»›]+$", "").replaceAll("\\s+", " "))) {
                out.add(link, Finding.warning("link-text", "body", "linkVague", "linkVague",
                    Quote.of(text, draft.language())));
            } else if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
                out.add(link, Finding.warning("link-text", "body", "linkAddress", "linkAddress", Quote.shorten(text)));
            }
        }
    }
}
