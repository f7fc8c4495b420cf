package dispatch.section;

/** A section of the publication, such as "Turkey"; sections make up the main navigation. */
public record Section(long id, String slug, String name, String description) {
    public String url() {
        return "/sections/" + slug;
    }
}
