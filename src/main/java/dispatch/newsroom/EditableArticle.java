package dispatch.newsroom;

import java.time.Instant;

/** An article as the newsroom edits it: the Markdown source and its state, whatever its status. */
public record EditableArticle(long id, String slug, String kind, long sectionId, String headline, String standfirst,
                              String dateline, String language, String bodyMarkdown, Long leadImageId, String status,
                              String access, Instant publishedAt, Instant updatedAt, int version) {

    /** "Draft", "Scheduled", "Published" or "Unpublished", as the newsroom shows it. */
    public String state(Instant now) {
        return switch (status) {
            case "published" -> publishedAt != null && publishedAt.isAfter(now) ? "Scheduled" : "Published";
            case "unpublished" -> "Unpublished";
            default -> "Draft";
        };
    }

    public boolean isLive(Instant now) {
        return "published".equals(status) && publishedAt != null && !publishedAt.isAfter(now);
    }
}
