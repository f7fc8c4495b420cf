package dispatch.web;

import java.util.Locale;
import java.util.Set;

/** Which way a language is written. */
public final class Languages {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");

    /** The interface's language: text in any other language is marked with its own lang and dir. */
    public static final String INTERFACE = "en";

    /** lang for text in {@code language} inside the English interface; null when it is English. */
    public static String langAttribute(String language) {
        return INTERFACE.equals(language) ? null : language;
    }

    /** dir to go with {@link #langAttribute}; null when the text is in the interface's language. */
    public static String dirAttribute(String language) {
        return INTERFACE.equals(language) ? null : direction(language);
    }

    public static String direction(String languageTag) {
        String primary = languageTag.toLowerCase(Locale.ROOT).split("-")[0];
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }

    private Languages() {}
}
