package dispatch.article;

import dispatch.web.Layout;
import java.util.List;
import java.util.Map;

/**
 * The article page. {@code preview} is null for readers; in the newsroom's preview it carries the
 * unsaved form so that the editor can go back to it.
 */
public record ArticlePage(Layout layout, Article article, List<ArticleSummary> related, Preview preview, Meta meta,
                          List<Translation> translations) {

    /** An unsaved article shown as readers will see it, with the way back to the form. */
    public record Preview(String action, String csrf, Map<String, List<String>> carried) {}

    /**
     * What the page tells machines: schema.org NewsArticle as JSON-LD, and the absolute address
     * of the lead image for OpenGraph (null when there is none).
     */
    public record Meta(String jsonLd, String imageUrl, String siteName) {}

    public ArticlePage(Layout layout, Article article, List<ArticleSummary> related, Meta meta,
                       List<Translation> translations) {
        this(layout, article, related, null, meta, translations);
    }
}
