package dispatch.article;

import dispatch.newsletter.Newsletter;
import dispatch.web.Layout;
import java.util.List;
import java.util.Map;

/**
 * The article page. {@code preview} is null for readers; in the newsroom's preview it carries the
 * unsaved form so that the editor can go back to it. {@code newsletter} is the one offered for
 * sign-up at the end of the article; null for none (the newsroom's preview).
 */
public record ArticlePage(Layout layout, Article article, String body, Reading reading, List<ArticleSummary> related,
                          Preview preview, Meta meta, List<Translation> translations, Newsletter newsletter) {

    /**
     * What the reader may read and what the page tells them about it: the access decision, the
     * default plan's price ("$100 a year", null when none is on offer), and how many articles a
     * free account may read a month. Null in the newsroom's preview, which shows everything.
     */
    public record Reading(dispatch.membership.Access.Decision decision, String price, int freeSignedIn) {
        public boolean gated() {
            return !decision.full();
        }

        /** The membership offer at the end of the article: for readers who are not members and were not stopped by the gate. */
        public boolean offer() {
            return decision.full() && decision.reason() != dispatch.membership.Access.Reason.MEMBER;
        }
    }

    /** An unsaved article shown as readers will see it, with the way back to the form. */
    public record Preview(String action, String csrf, Map<String, List<String>> carried) {}

    /**
     * What the page tells machines: schema.org NewsArticle as JSON-LD, and the absolute address
     * of the lead image for OpenGraph (null when there is none).
     */
    public record Meta(String jsonLd, String imageUrl, String siteName) {}

    public ArticlePage(Layout layout, Article article, String body, Reading reading, List<ArticleSummary> related,
                       Meta meta, List<Translation> translations, Newsletter newsletter) {
        this(layout, article, body, reading, related, null, meta, translations, newsletter);
    }
}
