package dispatch.check;

import dispatch.web.Languages;
import dispatch.web.Messages;
import gg.jte.Content;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * One problem found in an article before publishing. Its words come from the bundles
 * ({@code check.*}) and are put together when they are shown, in the language asked for: the
 * newsroom's interface language on the article form, English on the command line.
 *
 * @param severity whether it blocks publishing
 * @param code a stable kebab-case id, such as {@code image-no-alt}
 * @param field the id of the form field the message links to: "headline", "standfirst", "body" or "lead-image"
 * @param said what is wrong (quoting the text concerned), why it matters to readers, and how to fix it
 */
public record Finding(Severity severity, String code, String field, Said said) {

    /**
     * The words of a finding: its message's key ({@code check.MESSAGE}), the key of its advice
     * ({@code check.ADVICE.why} and {@code .fix}) and the arguments all three share. An argument
     * may be the editor's own text as a {@link Messages.Piece} (marked with the article's
     * language in the newsroom) or a {@link Localized} phrase worded in the same language.
     * Without keys, the three texts are given as they are (for tests of the report's layout).
     */
    public record Said(String message, String advice, List<Object> args) {}

    /** A phrase inside a finding that is itself worded in the language of the finding. */
    @FunctionalInterface
    interface Localized {
        String in(String language);
    }

    static Finding error(String code, String field, String message, String advice, Object... args) {
        return new Finding(Severity.ERROR, code, field, new Said(message, advice, List.of(args)));
    }

    static Finding warning(String code, String field, String message, String advice, Object... args) {
        return new Finding(Severity.WARNING, code, field, new Said(message, advice, List.of(args)));
    }

    /** A finding given in words, not keys. */
    static Finding literal(Severity severity, String code, String field, String message, String why, String fix) {
        return new Finding(severity, code, field, new Said(null, null, List.of(message, why, fix)));
    }

    /** What is wrong, in the interface's language. */
    public String message() {
        return message(Languages.current());
    }

    public String why() {
        return why(Languages.current());
    }

    public String fix() {
        return fix(Languages.current());
    }

    public String message(String language) {
        return text(language, 0, "check." + said.message());
    }

    public String why(String language) {
        return text(language, 1, "check." + said.advice() + ".why");
    }

    public String fix(String language) {
        return text(language, 2, "check." + said.advice() + ".fix");
    }

    /** The message as HTML for the newsroom, the editor's quoted words marked with their language. */
    public Content messageHtml() {
        return html(0, "check." + said.message());
    }

    public Content whyHtml() {
        return html(1, "check." + said.advice() + ".why");
    }

    public Content fixHtml() {
        return html(2, "check." + said.advice() + ".fix");
    }

    private String text(String language, int part, String key) {
        if (said.message() == null) {
            return (String) said.args().get(part);
        }
        Object[] args = said.args().stream().map(a -> a instanceof Messages.Piece p ? p.text()
            : a instanceof Localized l ? l.in(language) : a).toArray();
        return Messages.format(language, key, args);
    }

    private Content html(int part, String key) {
        if (said.message() == null) {
            String escaped = Entities.escape((String) said.args().get(part));
            return output -> output.writeContent(escaped);
        }
        Object[] args = said.args().stream().map(a -> a instanceof Localized l ? l.in(Languages.current()) : a).toArray();
        return Messages.html(key, args);
    }
}
