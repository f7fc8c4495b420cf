package dispatch.check;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Long passages in capital letters. A few acronyms in a row ("NATO and the EU") are fine; four
 * or more words in capitals, or a paragraph that is mostly capitals, is shouting.
 */
final class CapitalsChecks implements Check {
    private static final int RUN = 4;
    private static final int BLOCK_LETTERS = 25;
    private static final double BLOCK_SHARE = 0.8;

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        passages(draft.headline()).forEach(p -> out.add(finding("headline", p, draft.language())));
        passages(draft.standfirst()).forEach(p -> out.add(finding("standfirst", p, draft.language())));
        for (Element block : body.root().getAllElements()) {
            if (Body.isInline(block) || block.normalName().equals("pre")) {
                continue;
            }
            passages(ownText(block)).forEach(p -> out.add(Body.textContaining(block, p.split(" ")[0]),
                finding("body", p, draft.language())));
        }
    }

    /** The passages in capitals in one paragraph or heading. */
    static List<String> passages(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        int upper = (int) text.codePoints().filter(Character::isUpperCase).count();
        int cased = upper + (int) text.codePoints().filter(Character::isLowerCase).count();
        if (cased >= BLOCK_LETTERS && upper >= BLOCK_SHARE * cased) {
            found.add(text.strip());
            return found;
        }
        List<String> run = new ArrayList<>();
        int words = 0;
        for (String token : text.strip().split("\\s+")) {
            int letters = capitalLetters(token);
            if (letters >= 2) {
                run.add(token);
                words++;
            } else if (letters == 1 && !run.isEmpty()) {
                run.add(token); // "A" and "I" carry a run on without counting towards it
            } else {
                addRun(found, run, words);
                run.clear();
                words = 0;
            }
        }
        addRun(found, run, words);
        return found;
    }

    private static void addRun(List<String> found, List<String> run, int words) {
        if (words >= RUN) {
            found.add(String.join(" ", run).replaceAll("[.,;:]+$", ""));
        }
    }

    /** The number of letters in a word written wholly in capitals, or 0 if it has a small letter. */
    private static int capitalLetters(String token) {
        if (token.codePoints().anyMatch(Character::isLowerCase)) {
            return 0;
        }
        return (int) token.codePoints().filter(Character::isUpperCase).count();
    }

    /** The text of a block without the blocks inside it (a list item's nested list) or code. */
    private static String ownText(Element block) {
        StringBuilder text = new StringBuilder();
        for (Node child : block.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (child instanceof Element e && Body.isInline(e) && !e.normalName().equals("code")) {
                text.append(ownText(e));
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static Finding finding(String field, String passage, String language) {
        return Finding.warning("capitals", field, "capitals", "capitals", Quote.of(passage, language));
    }
}
