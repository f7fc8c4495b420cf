package dispatch.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which language the interface speaks for the request being served, and which way languages
 * are written. Two languages matter on every page: the interface's (chosen by the reader, or
 * the publication's own by default) and the content's (an article's language, or the
 * publication's for section, topic and writer names). Wherever the two differ, the content is
 * marked with its own {@code lang} and {@code dir} (WCAG 3.1.2), so a screen reader switches
 * voice and the browser lays it out the right way.
 */
public final class Languages {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");

    /** The languages the interface is written in, in the order a language switcher lists them. */
    public static final List<String> INTERFACE = List.of("en", "ar", "tr", "fa", "he");

    /** Each interface language's name in that language itself. */
    private static final Map<String, String> OWN_NAMES = Map.of(
        "en", "English", "ar", "العربية", "tr", "Türkçe", "fa", "فارسی", "he", "עברית");

    /** The two languages of one request. */
    public record Context(String interfaceLanguage, String publicationLanguage) {}

    private static final Context DEFAULT = new Context("en", "en");
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    /**
     * Sets the languages for the rest of this request and returns what was set before, for the
     * caller to put back in a finally block. Requests are served on one thread from start to
     * finish, which is what makes a thread-local safe here.
     */
    public static Context use(Context context) {
        Context previous = CURRENT.get();
        if (context == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(context);
        }
        return previous;
    }

    private static Context context() {
        Context c = CURRENT.get();
        return c == null ? DEFAULT : c;
    }

    /** The interface's language for this request: what {@code <html lang>} says. */
    public static String current() {
        return context().interfaceLanguage();
    }

    public static Locale locale() {
        return Locale.forLanguageTag(current());
    }

    /** The language the publication writes its section, topic and writer names in. */
    public static String publication() {
        return context().publicationLanguage();
    }

    public static boolean isInterfaceLanguage(String code) {
        return code != null && INTERFACE.contains(code);
    }

    public static String ownName(String code) {
        return OWN_NAMES.getOrDefault(code, code);
    }

    /** lang for text in {@code language} on this page; null when it is the interface's language. */
    public static String langAttribute(String language) {
        return current().equals(language) ? null : language;
    }

    /** dir to go with {@link #langAttribute}; null when the text is in the interface's language. */
    public static String dirAttribute(String language) {
        return current().equals(language) ? null : direction(language);
    }

    /** lang for the publication's own names (sections, topics, writers) on this page, or null. */
    public static String publicationLang() {
        return langAttribute(publication());
    }

    public static String publicationDir() {
        return dirAttribute(publication());
    }

    public static String direction(String languageTag) {
        String primary = languageTag.toLowerCase(Locale.ROOT).split("-")[0];
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }

    private Languages() {}
}
