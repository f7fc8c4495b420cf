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

    public static ArticlePage.Meta meta(Article article, Site site) {
        String image = article.leadImage() == null ? null : site.absolute(article.leadImage().src());
        return new ArticlePage.Meta(jsonLd(article, site, image), image, site.name());
    }

    static String jsonLd(Article article, Site site, String image) {
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
        data.put("isAccessibleForFree", !article.membersOnly());
        if (article.membersOnly()) {
            data.put("hasPart", Map.of("@type", "WebPageElement", "isAccessibleForFree", false,
                "cssSelector", ".app-article__body"));
        }
        try {
            // "</" would end the script element early; JSON allows "<\/" for the same text.
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StructuredData() {}
}
