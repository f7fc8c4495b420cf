package dispatch.newsletter;

import dispatch.account.Accounts;
import dispatch.account.User;
import dispatch.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signing up to newsletters, by double opt-in: an address is pending until the link mailed to
 * it is followed, so nobody can put someone else's address on a list. A confirmation is mailed
 * to one address for one newsletter at most once an hour, so the sign-up form cannot be used to
 * flood anyone's inbox. A confirmed address leaves in one step, from any issue's link.
 */
public final class Subscriptions {
    /** How long a confirmation link works. */
    static final Duration CONFIRM_LASTS = Duration.ofDays(7);
    /** The least time between two confirmation mails to one address for one newsletter. */
    static final Duration RESEND_AFTER = Duration.ofHours(1);

    private final Database database;
    private final NewsletterMail mail;
    private final Clock clock;

    public Subscriptions(Database database, NewsletterMail mail, Clock clock) {
        this.database = database;
        this.mail = mail;
        this.clock = clock;
    }

    public List<Newsletter> newsletters() {
        return dao().all();
    }

    public Optional<Newsletter> newsletter(String code) {
        return code == null ? Optional.empty() : dao().find(code);
    }

    /**
     * Asks to put {@code email} on a newsletter: a new or renewed pending subscription and a
     * confirmation mail, unless one went out within the hour or the address is on it already.
     * The caller's answer is the same either way, so the form tells nobody who is subscribed.
     */
    public void request(Newsletter newsletter, String email, User user, String language) {
        String address = Accounts.normalise(email);
        Instant now = clock.instant();
        Long userId = user != null && user.email().equals(address) ? user.id() : null;
        String token = Accounts.newToken();
        boolean send = database.jdbi().inTransaction(h -> {
            NewsletterDao dao = h.attach(NewsletterDao.class);
            Optional<Subscription> existing = dao.subscription(newsletter.code(), address);
            if (existing.isEmpty()) {
                dao.insert(newsletter.code(), address, userId, "pending", language, Accounts.hashOf(token), now, now, null);
                return true;
            }
            Subscription s = existing.get();
            if (s.confirmed() || s.confirmSentAt() != null && s.confirmSentAt().isAfter(now.minus(RESEND_AFTER))) {
                return false;
            }
            return dao.renewConfirmation(s.id(), Accounts.hashOf(token), now, language, userId) == 1;
        });
        if (send) {
            mail.confirmation(newsletter, address, token, language);
        }
    }

    /** The pending subscription a confirmation link is for, if the link still works; confirms nothing. */
    public Optional<Subscription> pending(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return dao().pendingByToken(Accounts.hashOf(token), clock.instant().minus(CONFIRM_LASTS));
    }

    /** Confirms the subscription a link is for; empty when the link is unknown, used or expired. */
    public Optional<Subscription> confirm(String token) {
        Optional<Subscription> pending = pending(token);
        if (pending.isEmpty() || dao().confirm(pending.get().id(), null, clock.instant()) == 0) {
            return Optional.empty();
        }
        return pending;
    }

    /** The subscription an issue's unsubscribe link is for (whatever its state now). */
    public Optional<Subscription> byUnsubscribeToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return dao().byUnsubscribeToken(Accounts.hashOf(token));
    }

    /** Takes the address off the newsletter; true when the link is real (already off counts as done). */
    public boolean unsubscribe(String token) {
        Optional<Subscription> s = byUnsubscribeToken(token);
        s.ifPresent(x -> dao().unsubscribe(x.id(), clock.instant()));
        return s.isPresent();
    }

    /** One newsletter as a signed-in reader's account page shows it: "on", "pending" or "off". */
    public record Choice(Newsletter newsletter, String state) {}

    /** Every newsletter, and whether the signed-in reader's address gets it. */
    public List<Choice> choices(User user) {
        List<Subscription> mine = dao().ofReader(user.id(), user.email());
        return newsletters().stream().map(n -> new Choice(n, mine.stream()
            .filter(s -> s.newsletterCode().equals(n.code())).findFirst()
            .map(s -> s.confirmed() ? "on" : "pending").orElse("off"))).toList();
    }

    /**
     * Signs a reader up from their account page. An address the account has confirmed needs no
     * second confirmation; an unconfirmed one gets the confirmation mail like anyone else.
     */
    public void subscribeReader(Newsletter newsletter, User user, boolean addressConfirmed, String language) {
        if (!addressConfirmed) {
            request(newsletter, user.email(), user, language);
            return;
        }
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            NewsletterDao dao = h.attach(NewsletterDao.class);
            Optional<Subscription> existing = dao.subscription(newsletter.code(), user.email());
            if (existing.isEmpty()) {
                dao.insert(newsletter.code(), user.email(), user.id(), "confirmed", language, null, null, now, now);
            } else {
                dao.confirm(existing.get().id(), user.id(), now);
            }
        });
    }

    /** Takes a signed-in reader's address off a newsletter. */
    public void unsubscribeReader(Newsletter newsletter, User user) {
        dao().subscription(newsletter.code(), user.email()).ifPresent(s -> dao().unsubscribe(s.id(), clock.instant()));
    }

    private NewsletterDao dao() {
        return database.dao(NewsletterDao.class);
    }
}
