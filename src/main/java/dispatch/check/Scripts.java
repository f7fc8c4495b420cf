package dispatch.check;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which writing systems belong to a language, and how to name them to an editor. */
final class Scripts {
    // Languages the newsroom is likely to publish in, or to quote, that are not written in Latin
    // letters. Anything else is taken to be written in Latin letters.
    private static final Map<String, Set<UnicodeScript>> NON_LATIN = Map.ofEntries(
        Map.entry("ar", EnumSet.of(UnicodeScript.ARABIC)), Map.entry("fa", EnumSet.of(UnicodeScript.ARABIC)),
        Map.entry("ur", EnumSet.of(UnicodeScript.ARABIC)), Map.entry("ps", EnumSet.of(UnicodeScript.ARABIC)),
        Map.entry("ckb", EnumSet.of(UnicodeScript.ARABIC)), Map.entry("he", EnumSet.of(UnicodeScript.HEBREW)),
        Map.entry("yi", EnumSet.of(UnicodeScript.HEBREW)), Map.entry("hy", EnumSet.of(UnicodeScript.ARMENIAN)),
        Map.entry("ka", EnumSet.of(UnicodeScript.GEORGIAN)), Map.entry("ru", EnumSet.of(UnicodeScript.CYRILLIC)),
        Map.entry("uk", EnumSet.of(UnicodeScript.CYRILLIC)), Map.entry("el", EnumSet.of(UnicodeScript.GREEK)),
        Map.entry("zh", EnumSet.of(UnicodeScript.HAN)),
        Map.entry("ja", EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
        Map.entry("ko", EnumSet.of(UnicodeScript.HANGUL, UnicodeScript.HAN)));

    private record Example(String code, String language) {}

    /** Languages to suggest, as examples, for a passage in a script. */
    private static final Map<UnicodeScript, List<Example>> EXAMPLES = Map.of(
        UnicodeScript.ARABIC, List.of(new Example("ar", "Arabic"), new Example("fa", "Persian")),
        UnicodeScript.HEBREW, List.of(new Example("he", "Hebrew")),
        UnicodeScript.ARMENIAN, List.of(new Example("hy", "Armenian")),
        UnicodeScript.GEORGIAN, List.of(new Example("ka", "Georgian")),
        UnicodeScript.CYRILLIC, List.of(new Example("ru", "Russian"), new Example("uk", "Ukrainian")),
        UnicodeScript.GREEK, List.of(new Example("el", "Greek")),
        UnicodeScript.HAN, List.of(new Example("zh", "Chinese"), new Example("ja", "Japanese")));

    /**
     * The scripts an article in this language may use without marking them. Latin letters are
     * always allowed: names of people, places and organisations in them are common in every language.
     */
    static Set<UnicodeScript> own(String language) {
        String primary = language == null ? "" : language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        Set<UnicodeScript> own = EnumSet.of(UnicodeScript.LATIN);
        own.addAll(NON_LATIN.getOrDefault(primary, Set.of()));
        return own;
    }

    /** True for characters that belong to no one script: spaces, digits, punctuation, accents. */
    static boolean neutral(UnicodeScript script) {
        return script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED || script == UnicodeScript.UNKNOWN;
    }

    static String name(UnicodeScript script) {
        if (script == UnicodeScript.HAN) {
            return "Chinese characters";
        }
        String words = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " script";
    }

    /** Example markup for a passage in a script: {@code <span lang="he">…</span> for Hebrew}. */
    static String example(UnicodeScript script) {
        List<Example> examples = EXAMPLES.get(script);
        if (examples == null) {
            return "<span lang=\"…\">…</span> with the language's code";
        }
        return examples.stream()
            .map(e -> "<span lang=\"" + e.code() + "\">…</span> for " + e.language())
            .collect(Collectors.joining(" or "));
    }

    private Scripts() {}
}
