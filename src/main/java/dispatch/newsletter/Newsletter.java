package dispatch.newsletter;

/** A newsletter readers can sign up to; its name and description are in the publication's language. */
public record Newsletter(String code, String name, String description) {
    /** The id of its sign-up form's e-mail field on a page that lists several. */
    public String fieldId() {
        return "email-" + code;
    }
}
