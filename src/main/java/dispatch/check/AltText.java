package dispatch.check;

import dispatch.image.Image;
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

    static List<Finding> problems(Image image, String name, String field) {
        List<Finding> found = new ArrayList<>();
        String alt = image.altText().strip();
        if (alt.isEmpty()) {
            return found; // decorative: screen readers skip it, which is what was asked for
        }
        String whose = "The alt text of " + lowerFirst(name);
        if (FILE_NAME.matcher(alt).find()) {
            found.add(Finding.warning("alt-quality", field,
                whose + " looks like a file name: " + Quote.of(alt) + ".",
                "Screen readers read alt text aloud, so a file name tells listeners nothing about the image.",
                "Replace it with a short description of what the image shows."));
        }
        Matcher start = REDUNDANT_START.matcher(alt);
        if (start.find()) {
            String words = alt.substring(start.start(), start.end()).strip();
            found.add(Finding.warning("alt-quality", field,
                whose + " starts with " + Quote.of(words) + ".",
                "Screen readers already say that it is an image, so listeners hear that twice before the part "
                    + "that matters.",
                "Remove " + Quote.of(words) + " and start with what the image shows. Say it is a photograph, "
                    + "chart or illustration only when that matters."));
        }
        if (image.caption() != null && !image.caption().isBlank() && plain(alt).equals(plain(image.caption()))) {
            found.add(Finding.warning("alt-quality", field,
                whose + " repeats its caption: " + Quote.of(alt) + ".",
                "Screen-reader users hear the alt text and then the caption, so they hear the same words twice "
                    + "and learn nothing about what the image shows.",
                "Make the alt text describe what is in the image, and leave the caption to explain its context."));
        }
        int length = alt.codePointCount(0, alt.length());
        int limit = CHART.matcher(alt).find() ? CHART_LIMIT : LIMIT;
        if (length > limit) {
            found.add(Finding.warning("alt-quality", field,
                whose + " is " + length + " characters long: " + Quote.of(alt) + ".",
                "Screen-reader users hear alt text in one go and cannot easily move through it sentence by "
                    + "sentence as they can with body text, so a long description is hard to follow and remember.",
                "Keep the alt text to what the image shows, in about " + limit + " characters or fewer, and move "
                    + "the detail into the caption or the body, where everyone can read it."));
        }
        return found;
    }

    /** Lower case letters and digits only, so that "Tehran, at dusk." equals "tehran at dusk". */
    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private AltText() {}
}
