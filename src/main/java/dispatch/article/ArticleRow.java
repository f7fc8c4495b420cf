package dispatch.article;

import java.time.Instant;

/** One row of the articles table as the article page needs it. */
record ArticleRow(long id, String slug, String kind, long sectionId, String headline, String standfirst,
                  String dateline, String language, String bodyHtml, int wordCount, Long leadImageId,
                  String access, Instant publishedAt, Instant updatedAt) {}
