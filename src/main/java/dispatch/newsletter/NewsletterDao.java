package dispatch.newsletter;

import dispatch.article.ArticleSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Newsletters, their subscribers, issues and deliveries. */
@RegisterConstructorMapper(Newsletter.class)
@RegisterConstructorMapper(Subscription.class)
@RegisterConstructorMapper(Issue.class)
@RegisterConstructorMapper(ArticleSummary.class)
@RegisterConstructorMapper(NewsletterDao.IssueArticle.class)
public interface NewsletterDao {
    /** An article of an issue, with its body for the opening paragraph. */
    record IssueArticle(long id, String slug, String kind, String headline, String standfirst, String sectionName,
                        String access, String language, String bodyHtml) {}

    String SUBSCRIPTION = "SELECT id, newsletter_code, email, user_id, status, language, confirm_sent_at FROM newsletter_subscriptions ";
    String ISSUE = """
        SELECT i.id, i.newsletter_code, n.name AS newsletter_name, i.subject, i.intro, i.status, i.created_at, i.sent_at,
               (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.issue_id = i.id) AS delivered
          FROM newsletter_issues i JOIN newsletters n ON n.code = i.newsletter_code
        """;

    @SqlQuery("SELECT code, name, description FROM newsletters ORDER BY position")
    List<Newsletter> all();

    @SqlQuery("SELECT code, name, description FROM newsletters WHERE code = :code")
    Optional<Newsletter> find(@Bind("code") String code);

    // Subscriptions

    @SqlQuery(SUBSCRIPTION + "WHERE newsletter_code = :code AND email = :email")
    Optional<Subscription> subscription(@Bind("code") String code, @Bind("email") String email);

    @SqlQuery(SUBSCRIPTION + "WHERE confirm_hash = :hash AND status = 'pending' AND confirm_sent_at > :since")
    Optional<Subscription> pendingByToken(@Bind("hash") String hash, @Bind("since") Instant since);

    @SqlQuery(SUBSCRIPTION + """
        WHERE id = (SELECT subscription_id FROM newsletter_deliveries WHERE unsubscribe_hash = :hash)""")
    Optional<Subscription> byUnsubscribeToken(@Bind("hash") String hash);

    @SqlQuery(SUBSCRIPTION + "WHERE (user_id = :userId OR email = :email) AND status <> 'unsubscribed'")
    List<Subscription> ofReader(@Bind("userId") long userId, @Bind("email") String email);

    /** Everything kept about a reader's subscriptions, ended ones included: for their data download. */
    @SqlQuery("""
        SELECT s.newsletter_code, n.name AS newsletter_name, s.email, s.status, s.language, s.created_at,
               s.confirmed_at, s.unsubscribed_at,
               (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.subscription_id = s.id) AS issues_sent
          FROM newsletter_subscriptions s JOIN newsletters n ON n.code = s.newsletter_code
         WHERE s.user_id = :userId OR s.email = :email
         ORDER BY n.position""")
    @RegisterConstructorMapper(SubscriptionRecord.class)
    List<SubscriptionRecord> recordsOf(@Bind("userId") long userId, @Bind("email") String email);

    /** A subscription as a reader's data download shows it. */
    record SubscriptionRecord(String newsletterCode, String newsletterName, String email, String status,
                              String language, Instant createdAt, Instant confirmedAt, Instant unsubscribedAt,
                              int issuesSent) {}

    /**
     * Forgets a reader's subscriptions, by account and by address, and with them the record of
     * what was sent to them (the deliveries cascade). Part of deleting an account.
     */
    @SqlUpdate("DELETE FROM newsletter_subscriptions WHERE user_id = :userId OR email = :email")
    int forget(@Bind("userId") long userId, @Bind("email") String email);

    @SqlUpdate("""
        INSERT INTO newsletter_subscriptions (newsletter_code, email, user_id, status, language, confirm_hash,
                                              confirm_sent_at, created_at, confirmed_at)
        VALUES (:code, :email, :userId, :status, :language, :hash, :sentAt, :now, :confirmedAt)""")
    void insert(@Bind("code") String code, @Bind("email") String email, @Bind("userId") Long userId,
                @Bind("status") String status, @Bind("language") String language, @Bind("hash") String hash,
                @Bind("sentAt") Instant sentAt, @Bind("now") Instant now, @Bind("confirmedAt") Instant confirmedAt);

    /** A new confirmation link for a pending or unsubscribed address; the older link stops working. */
    @SqlUpdate("""
        UPDATE newsletter_subscriptions SET status = 'pending', confirm_hash = :hash, confirm_sent_at = :now,
               language = :language, user_id = COALESCE(:userId, user_id)
         WHERE id = :id AND status <> 'confirmed'""")
    int renewConfirmation(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") Instant now,
                          @Bind("language") String language, @Bind("userId") Long userId);

    /** Confirms; 0 when it was confirmed already (two clicks racing), so only one wins. */
    @SqlUpdate("""
        UPDATE newsletter_subscriptions SET status = 'confirmed', confirm_hash = NULL, confirmed_at = :now,
               unsubscribed_at = NULL, user_id = COALESCE(:userId, user_id)
         WHERE id = :id AND status <> 'confirmed'""")
    int confirm(@Bind("id") long id, @Bind("userId") Long userId, @Bind("now") Instant now);

    @SqlUpdate("""
        UPDATE newsletter_subscriptions SET status = 'unsubscribed', confirm_hash = NULL, unsubscribed_at = :now
         WHERE id = :id AND status <> 'unsubscribed'""")
    int unsubscribe(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM newsletter_subscriptions WHERE newsletter_code = :code AND status = 'confirmed'")
    int confirmedCount(@Bind("code") String code);

    // Issues

    @SqlQuery(ISSUE + "ORDER BY i.created_at DESC, i.id DESC")
    List<Issue> issues();

    @SqlQuery(ISSUE + "WHERE i.id = :id")
    Optional<Issue> issue(@Bind("id") long id);

    @SqlQuery("""
        INSERT INTO newsletter_issues (newsletter_code, subject, intro, status, created_by, created_at)
        VALUES (:code, :subject, :intro, 'draft', :by, :now) RETURNING id""")
    long insertIssue(@Bind("code") String code, @Bind("subject") String subject, @Bind("intro") String intro,
                     @Bind("by") long by, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO newsletter_issue_articles (issue_id, article_id, position) VALUES (:issue, :article, :position)")
    void addArticle(@Bind("issue") long issue, @Bind("article") long article, @Bind("position") int position);

    /** An issue's articles that are published now, in the issue's order. */
    @SqlQuery("""
        SELECT a.id, a.slug, a.kind, a.headline, a.standfirst, s.name AS section_name, a.access, a.language, a.body_html
          FROM newsletter_issue_articles x JOIN articles a ON a.id = x.article_id JOIN sections s ON s.id = a.section_id
         WHERE x.issue_id = :issue AND a.status = 'published' AND a.published_at <= :now
         ORDER BY x.position""")
    List<IssueArticle> issueArticles(@Bind("issue") long issue, @Bind("now") Instant now);

    /** Published articles, newest first, to choose from. */
    @SqlQuery("""
        SELECT a.id, a.slug, a.kind, a.headline, a.standfirst, a.published_at,
               s.slug AS section_slug, s.name AS section_name, a.access, a.language
          FROM articles a JOIN sections s ON s.id = a.section_id
         WHERE a.status = 'published' AND a.published_at <= :now
         ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
    List<ArticleSummary> recentArticles(@Bind("now") Instant now, @Bind("limit") int limit);

    /** Moves an issue on (draft to sending, sending to sent); 0 when it was not in {@code from}. */
    @SqlUpdate("UPDATE newsletter_issues SET status = :to, sent_at = :sentAt WHERE id = :id AND status = :from")
    int move(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("sentAt") Instant sentAt);

    // Deliveries

    /** Confirmed subscribers not yet sent this issue. */
    @SqlQuery(SUBSCRIPTION + """
        WHERE newsletter_code = :code AND status = 'confirmed'
          AND id NOT IN (SELECT subscription_id FROM newsletter_deliveries WHERE issue_id = :issue)
        ORDER BY id""")
    List<Subscription> unsent(@Bind("issue") long issue, @Bind("code") String code);

    /** Claims one person for an issue; 0 when they have it already, which the key guarantees. */
    @SqlUpdate("""
        INSERT INTO newsletter_deliveries (issue_id, subscription_id, unsubscribe_hash, sent_at)
        VALUES (:issue, :subscription, :hash, :now) ON CONFLICT DO NOTHING""")
    int claim(@Bind("issue") long issue, @Bind("subscription") long subscription, @Bind("hash") String hash,
              @Bind("now") Instant now);

    /** Gives a claim back when the message could not be handed over, so that resuming sends it. */
    @SqlUpdate("DELETE FROM newsletter_deliveries WHERE issue_id = :issue AND subscription_id = :subscription")
    void release(@Bind("issue") long issue, @Bind("subscription") long subscription);
}
