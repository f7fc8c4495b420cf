package dispatch.search;

import static dispatch.web.Messages.t;

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
            form.error("q", t("search.errorTooLong", MAX_LENGTH));
        }
        LocalDate from = date(form, "from", t("search.errorFrom"));
        LocalDate to = date(form, "to", t("search.errorTo"));
        if (from != null && to != null && to.isBefore(from)) {
            form.error("to", t("search.errorDateOrder"));
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
