package dispatch.search;

import dispatch.web.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a reader searched for, read from the query string: the words, and the filters. Anything
 * that cannot be used becomes an error on its field, never an error page.
 */
public record SearchQuery(String text, String section, String kind, String author, LocalDate from, LocalDate to) {
    public static final int MAX_LENGTH = 200;

    public static SearchQuery read(Form form) {
        String text = form.trimmed("q").replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            form.error("q", "Search for " + MAX_LENGTH + " characters or fewer: try the most important few words");
        }
        LocalDate from = date(form, "from", "Enter the start date as a real date, such as 2025-01-31");
        LocalDate to = date(form, "to", "Enter the end date as a real date, such as 2025-12-31");
        if (from != null && to != null && to.isBefore(from)) {
            form.error("to", "The end date must be the same as or after the start date");
        }
        return new SearchQuery(text, form.trimmed("section"), form.trimmed("kind"), form.trimmed("author"), from, to);
    }

    private static LocalDate date(Form form, String field, String message) {
        String value = form.trimmed(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            form.error(field, message);
            return null;
        }
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean filtered() {
        return !section.isEmpty() || !kind.isEmpty() || !author.isEmpty() || from != null || to != null;
    }
}
