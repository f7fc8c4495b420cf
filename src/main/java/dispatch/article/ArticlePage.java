package dispatch.article;

import dispatch.web.Layout;
import java.util.List;
import java.util.Map;

/**
 * The article page. {@code preview} is null for readers; in the newsroom's preview it carries the
 * unsaved form so that the editor can go back to it.
 */
public record ArticlePage(Layout layout, Article article, List<ArticleSummary> related, Preview preview) {

    /** An unsaved article shown as readers will see it, with the way back to the form. */
    public record Preview(String action, String csrf, Map<String, List<String>> carried) {}

    public ArticlePage(Layout layout, Article article, List<ArticleSummary> related) {
        this(layout, article, related, null);
    }
}
