package dispatch.mail;

import java.util.Map;

/**
 * One e-mail to one person: always a plain-text part that reads well on its own, and an HTML
 * part with the same content (with lang, headings and alt text), so that nothing depends on
 * images or on HTML being shown.
 *
 * @param headers extra headers, such as List-Unsubscribe; may be empty
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {
    public Mail {
        headers = Map.copyOf(headers);
    }

    public Mail(String to, String subject, String text, String html) {
        this(to, subject, text, html, Map.of());
    }
}
