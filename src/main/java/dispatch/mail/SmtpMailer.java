package dispatch.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Properties;

/** Sends through an SMTP server (Jakarta Mail, Eclipse Angus), with STARTTLS unless told otherwise. */
public final class SmtpMailer implements Mailer {
    private final MailConfig config;
    private final Session session;
    private final Clock clock;

    public SmtpMailer(MailConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(config.startTls()));
        props.put("mail.smtp.auth", String.valueOf(config.user() != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(Mail mail) {
        try {
            var message = MimeMail.build(session, config.from(), mail, clock.instant());
            if (config.user() != null) {
                Transport.send(message, config.user(), config.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailException("Could not send mail through " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return config.host() + ":" + config.port();
    }
}
