package dispatch.topic;

/** A subject that cuts across sections, such as "Energy". */
public record Topic(long id, String slug, String name, String description) {
    public String url() {
        return "/topics/" + slug;
    }
}
