package dispatch.article;

import dispatch.web.Layout;
import java.util.List;

public record ArticlePage(Layout layout, Article article, List<ArticleSummary> related) {}
