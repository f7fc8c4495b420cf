package dispatch.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.web.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org NewsArticle for an article, as JSON-LD. A members-only article says so
 * ({@code isAccessibleForFree} false) and names the gated part, as search engines ask, so that
 * showing readers less than crawlers is not taken for cloaking.
 */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param metered whether articles that are not members-only are free only up to a number a month */
    public static ArticlePage.Meta meta(Article article, Site site, boolean metered) {
        String image = article.leadImage() == null ? null : site.absolute(article.leadImage().src());
        return new ArticlePage.Meta(jsonLd(article, site, image, metered), image, site.name());
    }

    static String jsonLd(Article article, Site site, String image, boolean metered) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.headline());
        data.put("description", article.standfirst());
        data.put("mainEntityOfPage", site.absolute(article.url()));
        data.put("url", site.absolute(article.url()));
        data.put("datePublished", article.publishedAt().toString());
        data.put("dateModified", (article.wasUpdated() ? article.updatedAt() : article.publishedAt()).toString());
        data.put("inLanguage", article.language());
        data.put("articleSection", article.section().name());
        data.put("author", article.authors().stream().map(a -> Map.of(
            "@type", "Person", "name", a.name(), "url", site.absolute(a.url()))).toList());
        data.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.absolute("/")));
        if (image != null) {
            data.put("image", List.of(image));
        }
        // Members-only articles, and metered ones (free only up to a number a month), are marked
        // as not free, with the part held back named, as search engines ask of paywalled content.
        boolean free = !article.membersOnly() && !metered;
        data.put("isAccessibleForFree", free);
        if (!free) {
            data.put("hasPart", Map.of("@type", "WebPageElement", "isAccessibleForFree", false,
                "cssSelector", "." + dispatch.membership.Paywall.GATED_PART));
        }
        try {
            return forScript(JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON made safe inside an HTML {@code <script>} element. An HTML parser reads a script's
     * text looking for "</script", and after "<!--" for "<script" too, which can swallow the
     * rest of the page; so "<", ">" and "&" are written as JSON's own escapes ("\\u003c" and
     * so on: outside strings JSON has none of them, so the data read back is unchanged), and so
     * are U+2028 and U+2029, which end a line for older JavaScript parsers.
     */
    static String forScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private StructuredData() {}
}
