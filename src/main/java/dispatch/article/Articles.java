package dispatch.article;

import dispatch.author.AuthorDao;
import dispatch.db.Database;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.section.Section;
import dispatch.section.SectionDao;
import dispatch.topic.TopicDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads articles for readers: assembles the article page's data from its tables. */
public final class Articles {
    private final ArticleDao articles;
    private final SectionDao sections;
    private final AuthorDao authors;
    private final TopicDao topics;
    private final ImageDao images;
    private final Clock clock;

    public Articles(Database db, Clock clock) {
        this.articles = db.dao(ArticleDao.class);
        this.sections = db.dao(SectionDao.class);
        this.authors = db.dao(AuthorDao.class);
        this.topics = db.dao(TopicDao.class);
        this.images = db.dao(ImageDao.class);
        this.clock = clock;
    }

    /** A published article by its slug; empty when there is none or it is not yet public. */
    public Optional<Article> published(String slug) {
        return articles.findLive(slug, clock.instant()).map(this::assemble);
    }

    public List<Translation> translations(Article article) {
        return articles.translations(article.id(), clock.instant());
    }

    public List<ArticleSummary> related(Article article, int limit) {
        return articles.related(article.id(), clock.instant(), limit);
    }

    private Article assemble(ArticleRow row) {
        Section section = sections.all().stream().filter(s -> s.id() == row.sectionId()).findFirst()
            .orElseThrow(() -> new IllegalStateException("article " + row.slug() + " has no section"));
        Image lead = row.leadImageId() == null ? null : images.find(row.leadImageId()).orElse(null);
        return new Article(row.id(), row.slug(), Kind.of(row.kind()).orElse(Kind.NEWS), section,
            row.headline(), row.standfirst(), row.dateline(), row.language(), row.bodyHtml(), row.wordCount(),
            lead, row.access(), row.publishedAt(), row.updatedAt(), authors.ofArticle(row.id()),
            topics.ofArticle(row.id()), articles.corrections(row.id()));
    }
}
