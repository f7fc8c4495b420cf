package dispatch.section;

import dispatch.article.ArticleSummary;
import dispatch.web.Layout;
import dispatch.web.Listing;

public record SectionPage(Layout layout, Section section, Listing<ArticleSummary> articles) {}
