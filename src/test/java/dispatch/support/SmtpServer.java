package dispatch.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server inside the test (GreenMail, on a free port), and the settings that point a
 * site at it. What the site sends is read back per recipient, as their mail program would get it.
 */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public SmtpServer() {
        mail.start();
    }

    /** DISPATCH_* settings that send a site's mail here, from {@code from}. */
    public Map<String, String> settings(String from) {
        return Map.of("DISPATCH_SMTP_HOST", "127.0.0.1", "DISPATCH_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
            "DISPATCH_SMTP_STARTTLS", "false", "DISPATCH_MAIL_FROM", from);
    }

    /** Every message received for {@code address} so far, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    /** The newest message for {@code address}, waiting up to ten seconds for one to arrive. */
    public MimeMessage latestTo(String address) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = to(address);
            if (!mine.isEmpty()) {
                return mine.get(mine.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The newest message for {@code address} with this subject, waiting up to ten seconds for one to arrive. */
    public MimeMessage latestTo(String address, String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = to(address).stream().filter(m -> subject.equals(subjectOf(m))).toList();
            if (!mine.isEmpty()) {
                return mine.get(mine.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " about " + subject);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
