package dispatch.check;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Node;

/**
 * Finds passages written in a script other than the article's own. Text is fed in pieces (the
 * text nodes of one paragraph, say) so that a passage split by formatting is still one passage;
 * {@link #end()} marks a break that no passage runs across.
 */
final class ForeignText {
    /** A passage, the script of its first letter, and where it starts. */
    record Passage(String text, UnicodeScript script, Node at) {}

    private static final int MIN_LETTERS = 3;

    private final Set<UnicodeScript> own;
    private final List<Passage> found = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private UnicodeScript script;
    private Node start;
    private int letters;

    ForeignText(Set<UnicodeScript> own) {
        this.own = own;
    }

    /** The passages in one piece of text on its own, such as a headline. */
    static List<Passage> in(String text, Set<UnicodeScript> own) {
        ForeignText scan = new ForeignText(own);
        scan.feed(null, text == null ? "" : text);
        scan.end();
        return scan.found;
    }

    void feed(Node at, String text) {
        text.codePoints().forEach(cp -> {
            UnicodeScript s = UnicodeScript.of(cp);
            boolean letter = Character.isLetter(cp) && !Scripts.neutral(s);
            if (letter && own.contains(s)) {
                end();
            } else if (letter) {
                if (run.length() == 0) {
                    script = s;
                    start = at;
                }
                run.appendCodePoint(cp);
                letters++;
            } else if (run.length() > 0) {
                // Spaces, digits, punctuation and vowel marks carry a passage on to its next word.
                run.appendCodePoint(cp);
            }
        });
    }

    void end() {
        if (letters >= MIN_LETTERS) {
            String text = run.toString().replaceAll("[\\s\\p{P}\\p{S}]+$", "");
            found.add(new Passage(text, script, start));
        }
        run.setLength(0);
        letters = 0;
    }

    List<Passage> passages() {
        return found;
    }
}
