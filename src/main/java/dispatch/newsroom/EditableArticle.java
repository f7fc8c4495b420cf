package dispatch.newsroom;

import java.time.Instant;

/** An article as the newsroom edits it: the Markdown source and its state, whatever its status. */
public record EditableArticle(long id, String slug, String kind, long sectionId, String headline, String standfirst,
                              String dateline, String language, String bodyMarkdown, Long leadImageId, String status,
                              String access, Instant publishedAt, Instant updatedAt, int version) {

    /** "draft", "scheduled", "published" or "unpublished": the state the newsroom shows (newsroom.state.*). */
    public String state(Instant now) {
        return switch (status) {
            case "published" -> publishedAt != null && publishedAt.isAfter(now) ? "scheduled" : "published";
            case "unpublished" -> "unpublished";
            default -> "draft";
        };
    }

    /** Published now or scheduled to be: readers get, or will get, what is saved to it. */
    public boolean reachesReaders() {
        return "published".equals(status);
    }

    public boolean isLive(Instant now) {
        return "published".equals(status) && publishedAt != null && !publishedAt.isAfter(now);
    }
}
