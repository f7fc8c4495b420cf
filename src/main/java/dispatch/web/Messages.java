package dispatch.web;

import gg.jte.Content;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jsoup.nodes.Entities;

/**
 * The interface's words, from the resource bundles {@code i18n/messages_LANG.properties} (read
 * as UTF-8). Every value is a {@link MessageFormat} pattern, so a single quote is written twice
 * ({@code ''}) in every bundle, with or without arguments. Numbers given as arguments are
 * formatted for the interface's language; years and other numbers that must not be grouped are
 * passed as text. Templates call {@code t("key")} through a static import.
 */
public final class Messages {
    private static final Map<String, ResourceBundle> BUNDLES = load();

    private static Map<String, ResourceBundle> load() {
        Map<String, ResourceBundle> bundles = new HashMap<>();
        // No fallback to the machine's default locale: a bundle is the interface language's own
        // or, for a missing key, English (the base bundle), never whatever the server runs in.
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String language : Languages.INTERFACE) {
            Locale locale = language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language);
            bundles.put(language, ResourceBundle.getBundle("i18n.messages", locale, control));
        }
        return Map.copyOf(bundles);
    }

    /** The text for {@code key} in the interface's language, with the arguments put in. */
    public static String t(String key, Object... args) {
        return format(Languages.current(), key, args);
    }

    public static String format(String language, String key, Object... args) {
        ResourceBundle bundle = BUNDLES.getOrDefault(language, BUNDLES.get("en"));
        return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(args);
    }

    /** Text in a message that is content, not interface: a name, in its own language (or null: the interface's). */
    public record Piece(String text, String lang) {}

    /** Text in {@code language} (the audit's English words, say), marked when that is not the interface's. */
    public static Piece in(String language, String text) {
        return new Piece(text, Languages.langAttribute(language));
    }

    /** Markup or a command in a message, shown as {@code <code>} (the newsroom's formatting guide). */
    public record Code(String text) {}

    public static Code code(String text) {
        return new Code(text);
    }

    /** A date in a message, shown as {@link Format#date(java.time.Instant)} inside {@code <time datetime>}. */
    public record Date(java.time.Instant instant) {}

    public static Date date(java.time.Instant instant) {
        return new Date(instant);
    }

    /** A name in the publication's language (the publication's, a section's, a writer's). */
    public static Piece name(String text) {
        return new Piece(text, Languages.publicationLang());
    }

    /**
     * The message as HTML, for a template, with each {@link Piece} argument marked with its own
     * lang and dir when that differs from the interface's ("About <span lang=en>Meridian
     * East</span>" on an Arabic page), each {@link Date} as a {@code <time>} element and
     * each {@link Code} as {@code <code>}. Everything is escaped; the only markup is those elements.
     */
    public static Content html(String key, Object... args) {
        Object[] marked = args.clone();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i] instanceof Piece || marked[i] instanceof Date || marked[i] instanceof Code) {
                marked[i] = MARK_START + i + MARK_END;
            }
        }
        String escaped = Entities.escape(t(key, marked));
        StringBuilder html = new StringBuilder();
        int from = 0;
        int start;
        while ((start = escaped.indexOf(MARK_START, from)) >= 0) {
            int end = escaped.indexOf(MARK_END, start);
            Object arg = args[Integer.parseInt(escaped.substring(start + MARK_START.length(), end))];
            html.append(escaped, from, start);
            if (arg instanceof Code code) {
                html.append("<code>").append(Entities.escape(code.text())).append("</code>");
            } else if (arg instanceof Date date) {
                html.append("<time datetime=\"").append(Format.iso(date.instant())).append("\">")
                    .append(Entities.escape(Format.date(date.instant()))).append("</time>");
            } else if (!(arg instanceof Piece piece)) {
                throw new IllegalStateException();
            } else if (piece.lang() == null) {
                html.append(Entities.escape(piece.text()));
            } else {
                html.append("<span lang=\"").append(Entities.escape(piece.lang())).append("\" dir=\"")
                    .append(Languages.direction(piece.lang())).append("\">").append(Entities.escape(piece.text())).append("</span>");
            }
            from = end + MARK_END.length();
        }
        html.append(escaped.substring(from));
        String result = html.toString();
        return output -> output.writeContent(result);
    }

    // Private-use characters stand in for the pieces while the rest is escaped; no bundle has them.
    private static final String MARK_START = "\uE000";
    private static final String MARK_END = "\uE001";

    /** Every key of a language's own bundle file (not its English parent); for the tests. */
    static List<String> keys(String language) {
        return List.copyOf(BUNDLES.get(language).keySet());
    }

    static String pattern(String language, String key) {
        return BUNDLES.get(language).getString(key);
    }

    private Messages() {}
}
