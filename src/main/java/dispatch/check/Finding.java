package dispatch.check;

/**
 * One problem found in an article before publishing.
 *
 * @param severity whether it blocks publishing
 * @param code a stable kebab-case id, such as {@code image-no-alt}
 * @param field the id of the form field the message links to: "headline", "standfirst", "body" or "lead-image"
 * @param message what is wrong, quoting the text concerned
 * @param why why it matters to readers
 * @param fix how to fix it
 */
public record Finding(Severity severity, String code, String field, String message, String why, String fix) {

    static Finding error(String code, String field, String message, String why, String fix) {
        return new Finding(Severity.ERROR, code, field, message, why, fix);
    }

    static Finding warning(String code, String field, String message, String why, String fix) {
        return new Finding(Severity.WARNING, code, field, message, why, fix);
    }
}
