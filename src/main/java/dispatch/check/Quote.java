package dispatch.check;

/** Quotes an editor's text in a message, shortened so that a long paragraph does not swamp it. */
final class Quote {
    private static final int LIMIT = 60;

    static String of(String text) {
        String s = text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (s.codePointCount(0, s.length()) > LIMIT) {
            String cut = s.substring(0, s.offsetByCodePoints(0, LIMIT));
            // End at a word break where there is one reasonably near the limit.
            int space = cut.lastIndexOf(' ');
            s = (space > LIMIT / 2 ? cut.substring(0, space) : cut).strip() + "…";
        }
        return "‘" + s + "’";
    }

    private Quote() {}
}
