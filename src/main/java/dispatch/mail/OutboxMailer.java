package dispatch.mail;

import dispatch.db.OwnerOnly;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For running without an SMTP server (a laptop, the demo): every message is written as an
 * {@code .eml} file (the same MIME message SMTP would carry) into the outbox folder, where any
 * mail program can open it. Files are named by time, so they list in the order they were sent.
 */
public final class OutboxMailer implements Mailer {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
    private final Path folder;
    private final String from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong sequence = new AtomicLong();

    public OutboxMailer(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        Instant now = clock.instant();
        try {
            // Messages carry sign-in, confirmation and reset links: the owner's only (0700, 0600).
            OwnerOnly.folder(folder);
            var message = MimeMail.build(session, from, mail, now);
            String recipient = mail.to().replaceAll("[^A-Za-z0-9@._-]", "_");
            Path file = folder.resolve(NAME.format(now) + "-" + sequence.incrementAndGet() + "-" + recipient + ".eml");
            OwnerOnly.newFile(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            throw new MailException("Could not write mail into " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the outbox folder " + folder;
    }

    public Path folder() {
        return folder;
    }
}
