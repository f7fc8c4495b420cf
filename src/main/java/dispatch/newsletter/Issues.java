package dispatch.newsletter;

import static dispatch.web.Messages.t;

import dispatch.account.Accounts;
import dispatch.account.User;
import dispatch.account.UserDao;
import dispatch.activity.ActivityLog;
import dispatch.article.Kind;
import dispatch.db.Database;
import dispatch.mail.Mailer;
import dispatch.membership.Membership;
import dispatch.membership.Paywall;
import dispatch.web.Languages;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Composing and sending issues. Sending is resumable and never sends one person an issue twice:
 * each recipient is claimed in the deliveries table (unique per issue and subscription) before
 * their message is handed over, and given back if the mail server refuses it. An issue stays
 * "sending" until everyone is done, so a send that stopped (the server restarted, the mail
 * server went away) is started again from the newsroom and reaches only those not yet sent.
 * A crash in the instant between claiming someone and handing over their message leaves them
 * out of that issue rather than risking a second copy.
 */
public final class Issues {
    private final Database database;
    private final NewsletterMail mail;
    private final Membership membership;
    private final Clock clock;

    public Issues(Database database, NewsletterMail mail, Membership membership, Clock clock) {
        this.database = database;
        this.mail = mail;
        this.membership = membership;
        this.clock = clock;
    }

    /** What a send came to: how many were sent now, and the mail server's complaint if it stopped early. */
    public record Outcome(int sent, String problem) {}

    public List<Issue> all() {
        return dao().issues();
    }

    public Optional<Issue> find(long id) {
        return dao().issue(id);
    }

    public int subscribers(String newsletterCode) {
        return dao().confirmedCount(newsletterCode);
    }

    /** A new draft issue with its articles, in the order given; recorded in the activity log. */
    public long create(Newsletter newsletter, String subject, String intro, List<Long> articleIds, User editor) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            NewsletterDao dao = h.attach(NewsletterDao.class);
            long id = dao.insertIssue(newsletter.code(), subject, intro, editor.id(), now);
            for (int i = 0; i < articleIds.size(); i++) {
                dao.addArticle(id, articleIds.get(i), i + 1);
            }
            h.attach(ActivityLog.class).record(editor.id(), "newsletter.draft", newsletter.name() + ": " + subject,
                articleIds.size() + " articles", now);
            return id;
        });
    }

    /** The issue as a subscriber who is not a member would get it, for the newsroom's preview. */
    public IssueMail preview(Issue issue) {
        return build(issue, "en", false, null);
    }

    /** The e-mail's HTML part for {@link #preview}. */
    public String previewHtml(Issue issue) {
        return mail.html(preview(issue));
    }

    /**
     * Sends an issue to every confirmed subscriber not yet sent it: starts a draft, or resumes
     * one left sending. Recorded in the activity log.
     */
    public Outcome send(Issue issue, User editor) {
        Instant started = clock.instant();
        boolean resuming = issue.sending();
        if (!resuming && dao().move(issue.id(), "draft", "sending", null) == 0) {
            return new Outcome(0, null); // sent already, or another editor pressed the button first
        }
        database.dao(ActivityLog.class).record(editor.id(), resuming ? "newsletter.resume" : "newsletter.send",
            issue.newsletterName() + ": " + issue.subject(), null, started);
        int sent = 0;
        for (Subscription subscriber : dao().unsent(issue.id(), issue.newsletterCode())) {
            String token = Accounts.newToken();
            if (dao().claim(issue.id(), subscriber.id(), Accounts.hashOf(token), clock.instant()) == 0) {
                continue; // someone else's send has this person
            }
            try {
                IssueMail message = build(issue, subscriber.language(), entitled(subscriber),
                    mail.site().absolute("/newsletters/unsubscribe?token=" + NewsletterMail.encode(token)));
                mail.issue(subscriber.email(), message);
                sent++;
            } catch (Mailer.MailException | IllegalStateException e) {
                dao().release(issue.id(), subscriber.id());
                return new Outcome(sent, e.getMessage());
            }
        }
        if (dao().move(issue.id(), "sending", "sent", clock.instant()) == 1) {
            int total = dao().issue(issue.id()).map(Issue::delivered).orElse(sent);
            database.dao(ActivityLog.class).record(editor.id(), "newsletter.sent",
                issue.newsletterName() + ": " + issue.subject(), "sent to " + total, clock.instant());
        }
        return new Outcome(sent, null);
    }

    /**
     * Whether the subscriber may read members-only articles: decided by the site's own rule
     * (Membership.entitled) for the account linked to the subscription or using its address.
     * An address without an account is not a member.
     */
    private boolean entitled(Subscription subscriber) {
        UserDao users = database.dao(UserDao.class);
        Optional<User> user = subscriber.userId() != null ? users.find(subscriber.userId()) : Optional.empty();
        return membership.entitled(user.or(() -> users.findByEmail(subscriber.email())).orElse(null));
    }

    private IssueMail build(Issue issue, String language, boolean entitled, String unsubscribeUrl) {
        return NewsletterMail.inLanguage(language, () -> {
            String lang = Languages.current();
            List<IssueMail.Item> items = dao().issueArticles(issue.id(), clock.instant()).stream()
                .map(a -> item(a, entitled)).toList();
            List<String> intro = Arrays.stream(issue.intro().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
            return new IssueMail(lang, Languages.direction(lang), mail.site().name(), issue.newsletterName(),
                Languages.publicationLang(), Languages.publicationDir(), issue.subject(), intro, items,
                mail.site().absolute("/"), unsubscribeUrl);
        });
    }

    /**
     * An article as the issue shows it. Its opening paragraph comes from what the site's
     * paywall lets anyone read; a members-only article's opening goes only to members, and
     * everyone else gets its headline, standfirst and link.
     */
    private IssueMail.Item item(NewsletterDao.IssueArticle a, boolean entitled) {
        boolean membersOnly = "members".equals(a.access());
        String opening = null;
        if (!membersOnly || entitled) {
            Element first = Jsoup.parseBodyFragment(Paywall.body(a.bodyHtml(), false).html()).selectFirst("p");
            opening = first == null ? null : first.text();
        }
        String kind = Kind.labelOf(a.kind()) + (membersOnly ? " · " + t("card.forMembers") : "");
        return new IssueMail.Item(a.headline(), a.standfirst(), mail.site().absolute("/articles/" + a.slug()),
            Languages.langAttribute(a.language()), Languages.dirAttribute(a.language()), a.sectionName(), kind, membersOnly,
            opening);
    }

    private NewsletterDao dao() {
        return database.dao(NewsletterDao.class);
    }
}
