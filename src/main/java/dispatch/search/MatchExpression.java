package dispatch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a reader typed into a safe full-text expression: every word and every "quoted
 * phrase" is quoted for the engine, so operators, brackets, stray quotes or column names in
 * the input are searched for as text and can never make the query fail. All words must match.
 */
public final class MatchExpression {

    /** The quoted terms; empty when the input has no word characters at all. */
    public static List<String> terms(String typed) {
        List<String> terms = new ArrayList<>();
        String[] parts = typed.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            // Odd-numbered parts sit between quotes: phrases. An unbalanced quote simply runs to the end.
            if (i % 2 == 1) {
                String phrase = words(parts[i]);
                if (!phrase.isEmpty()) {
                    terms.add(phrase);
                }
            } else {
                for (String word : words(parts[i]).split(" ")) {
                    if (!word.isEmpty()) {
                        terms.add(word);
                    }
                }
            }
        }
        return terms;
    }

    /** The expression for the engine: each term in double quotes, joined by spaces (AND). */
    public static String of(String typed) {
        return String.join(" ", terms(typed).stream().map(t -> "\"" + t + "\"").toList());
    }

    /** Letters, digits and apostrophes kept; everything else becomes a space. */
    private static String words(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}\\p{M}']+", " ").strip();
    }

    private MatchExpression() {}
}
