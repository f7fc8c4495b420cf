package dispatch.author;

import dispatch.article.ArticleSummary;
import dispatch.image.Image;
import dispatch.web.Layout;
import dispatch.web.KeyedListing;

/** An author's page; {@code portrait} may be null. */
public record AuthorPage(Layout layout, Author author, Image portrait, KeyedListing<ArticleSummary> articles) {}
