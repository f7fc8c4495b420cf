package dispatch.newsroom;

import java.time.Instant;

/** A line of the newsroom's article list; {@code suggested} when changes wait for an editor's review. */
public record ArticleListing(long id, String slug, String headline, String kind, String sectionName, String status,
                             Instant publishedAt, Instant modifiedAt, boolean suggested) {
    /** "draft", "scheduled", "published" or "unpublished": the state the newsroom shows (newsroom.state.*). */
    public String state(Instant now) {
        return switch (status) {
            case "published" -> publishedAt != null && publishedAt.isAfter(now) ? "scheduled" : "published";
            case "unpublished" -> "unpublished";
            default -> "draft";
        };
    }
}
