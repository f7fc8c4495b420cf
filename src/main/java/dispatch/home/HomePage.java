package dispatch.home;

import dispatch.article.Article;
import dispatch.article.ArticleSummary;
import dispatch.newsletter.Newsletter;
import dispatch.section.Section;
import dispatch.web.Layout;
import java.util.List;

/**
 * The front page. {@code lead} is null only when nothing has been published yet; {@code
 * newsletter} is the one offered for sign-up there, null when there is none.
 */
public record HomePage(Layout layout, Article lead, List<SectionLatest> sections, List<ArticleSummary> analysis,
                       Newsletter newsletter) {

    /** The latest few articles of one section. */
    public record SectionLatest(Section section, List<ArticleSummary> articles) {}
}
