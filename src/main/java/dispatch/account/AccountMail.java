package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.mail.Mail;
import dispatch.mail.MailPage;
import dispatch.mail.Mailer;
import dispatch.web.Languages;
import dispatch.web.Site;
import dispatch.web.Templates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account e-mails: confirm an address, reset a password, confirm a new address, and tell
 * the owner of an address that someone tried to register it again.
 */
public final class AccountMail {
    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);
    private final Mailer mailer;
    private final Templates templates;
    private final Site site;
    /** One thread for work a request hands over (see {@link #later}); daemon, so it never holds the JVM open. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "account-mail");
        thread.setDaemon(true);
        return thread;
    });

    public AccountMail(Mailer mailer, Templates templates, Site site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    /** The link confirms the address and signs the new reader in, then goes to {@code next}. */
    public void verify(User user, String token, String next) {
        send(user.email(), user.name(), t("mail.verifySubject", site.name()), t("mail.verifyText"),
            t("mail.verifyButton"), "/account/verify?token=" + encode(token)
                + (next == null || next.equals("/account") ? "" : "&next=" + encode(next)));
    }

    /**
     * To the owner of an address someone tried to create an account with: the registration form
     * answers the same whether or not the address has an account, and this says the rest.
     */
    public void alreadyRegistered(User user) {
        send(user.email(), user.name(), t("mail.registeredSubject", site.name()), t("mail.registeredText"),
            t("mail.registeredButton"), "/account/sign-in");
    }

    /**
     * Runs {@code work} after the request has been answered, in the request's languages: for a
     * form whose answer must take the same time whatever the work turns out to be (a reset link
     * for an address that may or may not have an account).
     */
    public void later(Runnable work) {
        Languages.Context languages = new Languages.Context(Languages.current(), Languages.publication());
        background.execute(() -> {
            Languages.Context previous = Languages.use(languages);
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("Account mail could not be sent", e);
            } finally {
                Languages.use(previous);
            }
        });
    }

    public void reset(User user, String token) {
        send(user.email(), user.name(), t("mail.resetSubject", site.name()), t("mail.resetText"),
            t("mail.resetButton"), "/account/reset-password?token=" + encode(token));
    }

    public void newAddress(User user, String newEmail, String token) {
        send(newEmail, user.name(), t("mail.emailSubject", site.name()), t("mail.emailText"),
            t("mail.emailButton"), "/account/confirm-email?token=" + encode(token));
    }

    /** Written in the interface language of the reader who asked for it. */
    private void send(String to, String name, String subject, String text, String button, String path) {
        String language = Languages.current();
        MailPage page = new MailPage(language, Languages.direction(language), site.name(), subject,
            List.of(t("mail.greeting", name), text), new MailPage.Link(button, site.absolute(path)), List.of(t("mail.ignore")));
        mailer.send(new Mail(to, subject, page.text(), templates.render("mail/message.jte", page)));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
