package dispatch.web;

/**
 * The characters XML 1.0 allows (tab, line feed, carriage return, U+0020 to U+D7FF, U+E000 to
 * U+FFFD and U+10000 up, in well-formed surrogate pairs), and nothing else. Every form's values
 * are cleaned by it as they are read ({@link Form#from}), and the feeds, sitemaps and e-mails
 * clean what they write with it too, so that text stored by any other road (an import, the
 * database's own shell) still cannot make them invalid XML: one U+0001 in a headline would
 * otherwise take down every feed that lists the article.
 */
public final class XmlChars {

    /** The text without the characters XML 1.0 does not allow; the same string when there are none. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == text.length()) {
            return text;  // the usual case: nothing to take out, nothing copied
        }
        StringBuilder clean = new StringBuilder(text.length());
        clean.append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (allowed(c)) {
                clean.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return clean.toString();
    }

    /** Whether the text holds only characters XML 1.0 allows. */
    public static boolean valid(String text) {
        return text == null || strip(text) == text;
    }

    private static boolean allowed(int c) {
        if (c < 0x20) {
            return c == 0x9 || c == 0xA || c == 0xD;
        }
        if (c <= 0xD7FF) {
            return true;
        }
        if (c <= 0xDFFF) {
            return false;  // a surrogate on its own (codePointAt gives a pair as one code point above U+FFFF)
        }
        if (c <= 0xFFFD) {
            return c >= 0xE000;
        }
        return c >= 0x10000 && c <= 0x10FFFF;
    }

    private XmlChars() {}
}
