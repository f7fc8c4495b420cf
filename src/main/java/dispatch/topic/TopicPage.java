package dispatch.topic;

import dispatch.article.ArticleSummary;
import dispatch.web.Layout;
import dispatch.web.Listing;

public record TopicPage(Layout layout, Topic topic, Listing<ArticleSummary> articles) {}
