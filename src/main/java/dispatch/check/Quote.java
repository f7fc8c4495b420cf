package dispatch.check;

import dispatch.web.Languages;
import dispatch.web.Messages;

/**
 * An editor's text quoted in a finding, shortened so that a long paragraph does not swamp it.
 * The quotation marks are the bundles' (‘…’ in English, «…» in Arabic and Persian).
 */
final class Quote {
    private static final int LIMIT = 60;

    static String shorten(String text) {
        String s = text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (s.codePointCount(0, s.length()) > LIMIT) {
            String cut = s.substring(0, s.offsetByCodePoints(0, LIMIT));
            // End at a word break where there is one reasonably near the limit.
            int space = cut.lastIndexOf(' ');
            s = (space > LIMIT / 2 ? cut.substring(0, space) : cut).strip() + "…";
        }
        return s;
    }

    /** The article's own words, in its language: marked as such where the interface speaks another. */
    static Messages.Piece of(String text, String language) {
        return new Messages.Piece(shorten(text), language == null || language.isBlank() ? null
            : Languages.langAttribute(language.strip()));
    }

    private Quote() {}
}
