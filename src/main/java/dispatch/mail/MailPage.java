package dispatch.mail;

import java.util.List;

/**
 * One e-mail's content, written once and sent as both parts: {@link #text()} for the plain-text
 * part and the {@code mail/message.jte} template for the HTML part.
 *
 * @param lang       the language it is written in (the interface language of the reader who asked)
 * @param paragraphs the body, before the action
 * @param action     the one link the message is about, with its label; may be null
 * @param footer     small print after the action: why the reader got it, how to stop it
 */
public record MailPage(String lang, String dir, String siteName, String heading, List<String> paragraphs,
                       Link action, List<String> footer) {

    public record Link(String label, String url) {}

    /** The plain-text part: the same words, the link written out in full. */
    public String text() {
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        if (action != null) {
            text.append(action.label()).append(":\n").append(action.url()).append("\n\n");
        }
        footer.forEach(p -> text.append(p).append("\n\n"));
        text.append("-- \n").append(siteName).append('\n');
        return text.toString();
    }
}
