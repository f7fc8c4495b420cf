package dispatch.article;

import java.time.Instant;

/** What a list of articles shows of each: enough to choose one to read. */
public record ArticleSummary(long id, String slug, String kind, String headline, String standfirst,
                             Instant publishedAt, String sectionSlug, String sectionName, String access,
                             String language) {
    public String url() {
        return "/articles/" + slug;
    }

    public String kindLabel() {
        return Kind.labelOf(kind);
    }

    /** lang for the headline and standfirst when they are not in the interface's English; else null. */
    public String langAttribute() {
        return dispatch.web.Languages.langAttribute(language);
    }

    public String dirAttribute() {
        return dispatch.web.Languages.dirAttribute(language);
    }

    public boolean membersOnly() {
        return "members".equals(access);
    }
}
