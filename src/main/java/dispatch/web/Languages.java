package dispatch.web;

import java.util.Locale;
import java.util.Set;

/** Which way a language is written. */
public final class Languages {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");

    public static String direction(String languageTag) {
        String primary = languageTag.toLowerCase(Locale.ROOT).split("-")[0];
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }

    private Languages() {}
}
