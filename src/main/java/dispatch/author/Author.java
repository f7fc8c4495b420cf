package dispatch.author;

/** A writer for the publication. {@code portraitImageId} is null when there is no portrait. */
public record Author(long id, String slug, String name, String role, String bio, Long portraitImageId) {
    public String url() {
        return "/authors/" + slug;
    }
}
