package dispatch.article;

import java.time.Instant;

/** What a list of articles shows of each: enough to choose one to read. */
public record ArticleSummary(long id, String slug, String kind, String headline, String standfirst,
                             Instant publishedAt, String sectionSlug, String sectionName, String access) {
    public String url() {
        return "/articles/" + slug;
    }

    public String kindLabel() {
        return Kind.labelOf(kind);
    }

    public boolean membersOnly() {
        return "members".equals(access);
    }
}
