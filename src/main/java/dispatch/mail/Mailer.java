package dispatch.mail;

/** Sends e-mail: through an SMTP server, or into the outbox folder when none is configured. */
public interface Mailer {
    /** Sends one message; throws {@link MailException} when it could not be handed over. */
    void send(Mail mail);

    /** Where mail goes, for the operator: "smtp.example.org:587" or the outbox folder. */
    String describe();

    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
