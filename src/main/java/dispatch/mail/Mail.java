package dispatch.mail;

import dispatch.web.XmlChars;
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
        // Text from the database (headlines, names) goes into every message: characters XML 1.0
        // forbids are left out, as from the feeds: control characters in a subject line or a
        // body are what mail programs and filters refuse or mangle.
        subject = XmlChars.strip(subject);
        text = XmlChars.strip(text);
        html = XmlChars.strip(html);
        headers = Map.copyOf(headers);
    }

    public Mail(String to, String subject, String text, String html) {
        this(to, subject, text, html, Map.of());
    }
}
