package dispatch.check;

import dispatch.image.Image;
import dispatch.web.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Alt text that is present but will not help a screen-reader user much. */
final class AltText {
    static final int LIMIT = 150;
    static final int CHART_LIMIT = 250;

    private static final Pattern FILE_NAME = Pattern.compile(
        "(?i)(\\.(jpe?g|png|webp|gif)\\s*$|^\\s*(img|dsc[fn]?|pxl|dji|gopr)[_-]?\\d{3,})");
    // "Illustration of" and "chart of" are left alone: they tell the listener something the
    // screen reader's own "image" announcement does not.
    private static final Pattern REDUNDANT_START = Pattern.compile(
        "(?i)^\\s*((an?|the)\\s+)?(image|photo|photograph|picture|graphic)\\s+of\\b");
    // A chart, diagram or map needs more words than a photograph: its alt text has to give the
    // figures or the layout it shows, which no short phrase carries.
    private static final Pattern CHART = Pattern.compile(
        "(?i)^\\s*((an?|the)\\s+)?((bar|line|pie|area)\\s+)?(chart|graph|diagram|map|timeline)\\b");

    /**
     * @param which    "lead" for the lead image, "body" for one in the body (check.image.*, naming it)
     * @param language the article's, which the alt text and caption are written in
     */
    static List<Finding> problems(Image image, String which, String field, String language) {
        return problems(image.altText(), image.caption(), l -> Messages.format(l, "check.image." + which, image.name()),
            field, language);
    }

    /**
     * @param named the image, named in the finding's language
     * @param caption what is shown under it, or null
     */
    static List<Finding> problems(String altText, String caption, Finding.Localized named, String field, String language) {
        List<Finding> found = new ArrayList<>();
        String alt = altText.strip();
        if (alt.isEmpty()) {
            return found; // decorative: screen readers skip it, which is what was asked for
        }
        // {0}: the image, named in the finding's language; {1}: the alt text, or its first words;
        // {2}: the alt text's length; {3}: the most it should be
        int length = alt.codePointCount(0, alt.length());
        int limit = CHART.matcher(alt).find() ? CHART_LIMIT : LIMIT;
        if (FILE_NAME.matcher(alt).find()) {
            found.add(Finding.warning("alt-quality", field, "altFileName", "altFileName",
                named, Quote.of(alt, null), length, limit));
        }
        Matcher start = REDUNDANT_START.matcher(alt);
        if (start.find()) {
            String words = alt.substring(start.start(), start.end()).strip();
            found.add(Finding.warning("alt-quality", field, "altRedundant", "altRedundant",
                named, Quote.of(words, language), length, limit));
        }
        if (caption != null && !caption.isBlank() && plain(alt).equals(plain(caption))) {
            found.add(Finding.warning("alt-quality", field, "altCaption", "altCaption",
                named, Quote.of(alt, language), length, limit));
        }
        if (length > limit) {
            found.add(Finding.warning("alt-quality", field, "altLong", "altLong",
                named, Quote.of(alt, language), length, limit));
        }
        return found;
    }

    /** Lower case letters and digits only, so that "Tehran, at dusk." equals "tehran at dusk". */
    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private AltText() {}
}
