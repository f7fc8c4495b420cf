package dispatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;

/** Reads the mail a site wrote to its outbox folder (the .eml files), as a reader would open it. */
public final class MailBox {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** Every message in the outbox to {@code address}, oldest first. */
    public static List<MimeMessage> to(TestSite site, String address) {
        Path outbox = site.dataDir().resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted(Comparator.comparing(Path::getFileName)).map(MailBox::read)
                .filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MimeMessage latest(TestSite site, String address) {
        List<MimeMessage> all = to(site, address);
        assertTrue(!all.isEmpty(), "no mail to " + address);
        return all.get(all.size() - 1);
    }

    /** The plain-text part. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The link of the message's action, as written out in the plain-text part, as a path on the site. */
    public static String link(TestSite site, MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        assertTrue(m.find(), "no link in: " + text(message));
        String url = m.group();
        assertTrue(url.startsWith(site.url("/")), url);
        return url.substring(site.url("").length());
    }

    /** Opens the latest confirmation link sent to {@code address} and presses its button. */
    public static void confirmAddress(TestSite site, Browsing reader, String address) {
        confirm(site, reader, latest(site, address));
    }

    /**
     * Opens the link of a confirmation mail and presses its button; for a new account's
     * address, that signs the reader in. Returns where the site sends them next.
     */
    public static String confirm(TestSite site, Browsing reader, MimeMessage message) {
        Document page = reader.page(link(site, message));
        List<Map.Entry<String, String>> fields = page.select("main form input[type=hidden]").stream()
            .filter(i -> !i.attr("name").equals("csrf")).map(i -> Map.entry(i.attr("name"), i.val())).toList();
        var confirmed = reader.post(page.selectFirst("main form").attr("action"), fields);
        assertEquals(303, confirmed.statusCode());
        return confirmed.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Registers through the form, which answers "check your email", then confirms from the mailed
     * link (in the outbox): a signed-in reader with a confirmed address, as the site makes one.
     */
    public static Browsing registered(TestSite site, String name, String email, String password) {
        Browsing reader = new Browsing(site);
        var answer = reader.post("/account/register", Map.of("name", name, "email", email, "password", password));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Check your email"), answer.body());
        confirmAddress(site, reader, email);
        return reader;
    }

    /**
     * A registered reader (as {@link #registered}) who is a member: an active yearly subscription
     * through the test gateway, written as the gateway would leave it.
     */
    public static Browsing member(TestSite site, String name, String email, String password) {
        Browsing reader = registered(site, name, email, password);
        site.database().jdbi().useHandle(h -> h.createUpdate("""
            INSERT INTO subscriptions (user_id, plan_code, gateway, gateway_ref, status, current_period_end,
                                       created_at, updated_at)
            SELECT id, 'annual', 'test', 'test-' || id, 'active', '2099-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
                   '2026-01-01T00:00:00Z'
              FROM users WHERE email = :email""").bind("email", email).execute());
        return reader;
    }

    private static String part(MimeMessage message, String type) {
        try {
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + type + " part");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    private MailBox() {}
}
