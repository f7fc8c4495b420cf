package dispatch.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * How mail leaves: DISPATCH_SMTP_HOST (none: the outbox folder), DISPATCH_SMTP_PORT (587),
 * DISPATCH_SMTP_USER and DISPATCH_SMTP_PASSWORD (none: no authentication),
 * DISPATCH_SMTP_STARTTLS (true), and DISPATCH_MAIL_FROM, the sender's address.
 */
public record MailConfig(String host, int port, String user, String password, boolean startTls, String from) {

    public static MailConfig fromEnvironment(Map<String, String> env, String siteName) {
        String host = blankToNull(env.get("DISPATCH_SMTP_HOST"));
        String portText = env.getOrDefault("DISPATCH_SMTP_PORT", "587").strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISPATCH_SMTP_PORT must be a number, not \"" + portText + "\"");
        }
        String from = env.getOrDefault("DISPATCH_MAIL_FROM", siteName + " <newsroom@localhost>");
        return new MailConfig(host, port, blankToNull(env.get("DISPATCH_SMTP_USER")),
            env.get("DISPATCH_SMTP_PASSWORD"), !"false".equalsIgnoreCase(env.getOrDefault("DISPATCH_SMTP_STARTTLS", "true")),
            from);
    }

    /** SMTP when a host is set; otherwise .eml files in {@code outbox}. */
    public Mailer mailer(Path outbox, Clock clock) {
        return host == null ? new OutboxMailer(outbox, from, clock) : new SmtpMailer(this, clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
