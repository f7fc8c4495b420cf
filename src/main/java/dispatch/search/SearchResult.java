package dispatch.search;

import dispatch.article.Kind;
import java.time.Instant;
import java.util.List;

/**
 * One article found by a search. The headline and snippet come as segments, some marked as
 * matching the query, so that the template can wrap them in {@code <mark>} and escape the rest.
 * A members-only article's snippet comes from its standfirst only: the gated body is never shown.
 */
public record SearchResult(String slug, String kind, List<Segment> headline, List<Segment> snippet, Instant publishedAt,
                           String sectionName, boolean membersOnly, String language) {

    /** A run of text; {@code match} when it matches the query. */
    public record Segment(String text, boolean match) {}

    public String url() {
        return "/articles/" + slug;
    }

    public String kindLabel() {
        return Kind.labelOf(kind);
    }

    public String langAttribute() {
        return dispatch.web.Languages.langAttribute(language);
    }

    public String dirAttribute() {
        return dispatch.web.Languages.dirAttribute(language);
    }
}
