package dispatch.web;

/**
 * One choice in a select, radio or checkbox group: the value sent and the label shown, and the
 * label's language when it is not the interface's (a section's name, a language's own name), so
 * that the template can mark it with lang and dir; null when it is.
 */
public record Option(String value, String label, String lang) {
    public Option(String value, String label) {
        this(value, label, null);
    }

    /** A choice named in the publication's language (a section, a writer). */
    public static Option inPublicationLanguage(String value, String label) {
        return new Option(value, label, Languages.publicationLang());
    }

    /** A choice named in its own language ({@code language}), such as a language's own name. */
    public static Option inLanguage(String value, String label, String language) {
        return new Option(value, label, Languages.langAttribute(language));
    }

    public String dir() {
        return lang == null ? null : Languages.direction(lang);
    }
}
