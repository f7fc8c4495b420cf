package dispatch.newsletter;

import static dispatch.web.Messages.t;

import dispatch.mail.Mail;
import dispatch.mail.MailPage;
import dispatch.mail.Mailer;
import dispatch.web.Languages;
import dispatch.web.Site;
import dispatch.web.Templates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The newsletters' e-mails: the confirmation of a sign-up, and an issue. */
public final class NewsletterMail {
    private final Mailer mailer;
    private final Templates templates;
    private final Site site;

    public NewsletterMail(Mailer mailer, Templates templates, Site site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    public Site site() {
        return site;
    }

    /** "Confirm your subscription", in the language the reader signed up in. */
    void confirmation(Newsletter newsletter, String to, String token, String language) {
        inLanguage(language, () -> {
            String subject = t("newsletters.mailConfirmSubject", newsletter.name());
            MailPage page = new MailPage(language, Languages.direction(language), site.name(), subject,
                List.of(t("newsletters.mailConfirmText", newsletter.name(), site.name())),
                new MailPage.Link(t("newsletters.mailConfirmButton"), site.absolute("/newsletters/confirm?token=" + encode(token))),
                List.of(t("newsletters.mailConfirmIgnore")));
            mailer.send(new Mail(to, subject, page.text(), templates.render("mail/message.jte", page)));
            return null;
        });
    }

    /**
     * An issue for one subscriber, with their own unsubscribe link in the body and in the
     * List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369 and RFC 8058), so that mail
     * programs can offer a one-click unsubscribe button of their own.
     */
    void issue(String to, IssueMail issue) {
        Mail mail = inLanguage(issue.lang(), () -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("List-Unsubscribe", "<" + issue.unsubscribeUrl() + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            return new Mail(to, issue.subject(), issue.text(words(issue)), html(issue), headers);
        });
        mailer.send(mail);
    }

    /** The HTML part; the newsroom shows it as the preview. */
    String html(IssueMail issue) {
        return inLanguage(issue.lang(), () -> templates.render("newsletter/issue-mail.jte", issue));
    }

    /** The mail's own words, in the interface language in effect. */
    static IssueMail.Words words(IssueMail issue) {
        return new IssueMail.Words(t("newsletters.mailForMembers"), t("newsletters.mailRead"),
            t("newsletters.mailWhy", issue.newsletterName(), issue.siteName()), t("newsletters.mailUnsubscribe", issue.newsletterName()),
            t("mail.linkText"));
    }

    /** Runs {@code work} with the interface speaking {@code language}: mail goes out in the reader's language, not the sender's. */
    static <T> T inLanguage(String language, Supplier<T> work) {
        Languages.Context previous = Languages.use(new Languages.Context(
            Languages.isInterfaceLanguage(language) ? language : "en", Languages.publication()));
        try {
            return work.get();
        } finally {
            Languages.use(previous);
        }
    }

    static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
