package dispatch.check;

import dispatch.web.Messages;
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

    /** Languages to suggest, as examples, for a passage in a script. */
    private static final Map<UnicodeScript, List<String>> EXAMPLES = Map.of(
        UnicodeScript.ARABIC, List.of("ar", "fa"),
        UnicodeScript.HEBREW, List.of("he"),
        UnicodeScript.ARMENIAN, List.of("hy"),
        UnicodeScript.GEORGIAN, List.of("ka"),
        UnicodeScript.CYRILLIC, List.of("ru", "uk"),
        UnicodeScript.GREEK, List.of("el"),
        UnicodeScript.HAN, List.of("zh", "ja"));

    /** Scripts the bundles name (check.script.*); any other is named from its Unicode name. */
    private static final Set<UnicodeScript> NAMED = EnumSet.of(UnicodeScript.ARABIC, UnicodeScript.HEBREW,
        UnicodeScript.ARMENIAN, UnicodeScript.GEORGIAN, UnicodeScript.CYRILLIC, UnicodeScript.GREEK, UnicodeScript.HAN,
        UnicodeScript.HANGUL, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);

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

    /** The script's name in {@code language}: "Arabic script", "Arap alfabesi". */
    static String name(UnicodeScript script, String language) {
        if (NAMED.contains(script)) {
            return Messages.format(language, "check.script." + script.name());
        }
        String words = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Messages.format(language, "check.script.other", Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /**
     * Example markup for a passage in a script, explained in {@code language}: {@code <span
     * lang="he">…</span> for Hebrew}, the language named as CLDR names it in that language.
     */
    static String example(UnicodeScript script, String language) {
        List<String> examples = EXAMPLES.get(script);
        if (examples == null) {
            return Messages.format(language, "check.example.unknown", "<span lang=\"…\">…</span>");
        }
        Locale in = Locale.forLanguageTag(language);
        return examples.stream()
            .map(code -> Messages.format(language, "check.example.one", "<span lang=\"" + code + "\">…</span>",
                Locale.forLanguageTag(code).getDisplayLanguage(in)))
            .collect(Collectors.joining(Messages.format(language, "check.example.or")));
    }

    private Scripts() {}
}
