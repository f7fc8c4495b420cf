package dispatch.topic;

import dispatch.article.ArticleSummary;
import dispatch.web.Layout;
import dispatch.web.KeyedListing;

public record TopicPage(Layout layout, Topic topic, KeyedListing<ArticleSummary> articles) {}
