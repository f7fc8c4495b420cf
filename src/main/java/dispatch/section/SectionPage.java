package dispatch.section;

import dispatch.article.ArticleSummary;
import dispatch.web.Layout;
import dispatch.web.KeyedListing;

public record SectionPage(Layout layout, Section section, KeyedListing<ArticleSummary> articles) {}
