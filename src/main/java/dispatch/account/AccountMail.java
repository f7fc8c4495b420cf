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

/** The account e-mails: confirm an address, reset a password, confirm a new address. */
public final class AccountMail {
    private final Mailer mailer;
    private final Templates templates;
    private final Site site;

    public AccountMail(Mailer mailer, Templates templates, Site site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    public void verify(User user, String token) {
        send(user.email(), user.name(), t("mail.verifySubject", site.name()), t("mail.verifyText"),
            t("mail.verifyButton"), "/account/verify?token=" + encode(token));
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
