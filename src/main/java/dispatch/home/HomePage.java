package dispatch.home;

import dispatch.article.Article;
import dispatch.article.ArticleSummary;
import dispatch.section.Section;
import dispatch.web.Layout;
import java.util.List;

/** The front page. {@code lead} is null only when nothing has been published yet. */
public record HomePage(Layout layout, Article lead, List<SectionLatest> sections, List<ArticleSummary> analysis) {

    /** The latest few articles of one section. */
    public record SectionLatest(Section section, List<ArticleSummary> articles) {}
}
