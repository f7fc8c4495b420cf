package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader typed into a form, and what is wrong with it. A form that fails validation is
 * shown again from this, so nothing typed is ever lost; each error names the field it belongs
 * to, for the error summary's links and the field's own message.
 */
public final class Form {
    /** One problem with one field. {@code field} is the id of the input it links to. */
    public record Error(String field, String message) {}

    private final Map<String, String> values;
    private final Map<String, List<String>> lists;
    private final List<Error> errors = new ArrayList<>();

    private Form(Map<String, String> values, Map<String, List<String>> lists) {
        this.values = values;
        this.lists = lists;
    }

    public static Form empty() {
        return new Form(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static Form of(Map<String, String> values) {
        return new Form(new LinkedHashMap<>(values), new LinkedHashMap<>());
    }

    /**
     * Every parameter of a POST; fields that may repeat (checkboxes) are kept as lists too.
     * Characters XML 1.0 does not allow (U+0001, U+FFFE...) are taken out here, where every form
     * is read: nobody types them, and stored they would break the feeds and sitemaps.
     */
    public static Form from(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, all) -> {
            List<String> clean = java.util.Arrays.stream(all).map(XmlChars::strip).toList();
            values.put(name, clean.isEmpty() ? "" : clean.get(0));
            lists.put(name, clean);
        });
        return new Form(values, lists);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The value with white space trimmed; empty when missing. */
    public String trimmed(String field) {
        return value(field).strip();
    }

    public List<String> all(String field) {
        return lists.getOrDefault(field, values.containsKey(field) ? List.of(values.get(field)) : List.of());
    }

    public boolean checked(String field) {
        return !value(field).isEmpty();
    }

    public boolean has(String field, String option) {
        return all(field).contains(option);
    }

    public Form set(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    public Form setAll(String field, List<String> options) {
        lists.put(field, List.copyOf(options));
        values.put(field, options.isEmpty() ? "" : options.get(0));
        return this;
    }

    public Form error(String field, String message) {
        errors.add(new Error(field, message));
        return this;
    }

    public List<Error> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when there are errors and every one is about this field. */
    public boolean errorsOnlyIn(String field) {
        return !errors.isEmpty() && errors.stream().allMatch(e -> e.field().equals(field));
    }

    /** The first message for a field, or null: the field shows it and points aria-describedby at it. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(Error::message).findFirst().orElse(null);
    }

    /** Every field and value, for carrying a form through another page in hidden fields. */
    public Map<String, List<String>> entries() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        values.forEach((k, v) -> all.put(k, lists.getOrDefault(k, List.of(v))));
        return all;
    }
}
