package dispatch.account;

import dispatch.db.Database;
import dispatch.newsletter.NewsletterDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What readers do with their own accounts: register, confirm their address, reset a forgotten
 * password, change their address or password, keep their reading preferences, and delete the
 * account. Links sent by e-mail carry a random token that works once and expires; only its
 * hash is stored.
 */
public final class ReaderAccounts {
    public enum Purpose {
        VERIFY("verify", Duration.ofDays(7)),
        RESET("reset", Duration.ofHours(1)),
        EMAIL("email", Duration.ofDays(1));

        final String code;
        final Duration lasts;

        Purpose(String code, Duration lasts) {
            this.code = code;
            this.lasts = lasts;
        }

        public Duration lasts() {
            return lasts;
        }
    }

    private final Database database;
    private final Accounts accounts;
    private final Clock clock;

    public ReaderAccounts(Database database, Accounts accounts, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new reader's account, not yet confirmed; empty when the address already has an account. */
    public Optional<User> register(String email, String name, String password) {
        String address = Accounts.normalise(email);
        String hash = Passwords.hash(password);
        return database.jdbi().inTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            if (users.findByEmail(address).isPresent()) {
                return Optional.empty();
            }
            long id = users.insert(address, name.strip(), Role.READER.code(), hash, clock.instant());
            return users.find(id);
        });
    }

    /** A new link for {@code purpose}; earlier links of the same kind stop working. */
    public String issue(User user, Purpose purpose, String newEmail) {
        String token = Accounts.newToken();
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            TokenDao tokens = h.attach(TokenDao.class);
            tokens.retire(user.id(), purpose.code, now);
            tokens.insert(Accounts.hashOf(token), user.id(), purpose.code, newEmail == null ? null : Accounts.normalise(newEmail),
                now, now.plus(purpose.lasts));
        });
        return token;
    }

    /** The account a link belongs to, if the link is real, unused and not expired; uses nothing up. */
    public Optional<User> holder(String token, Purpose purpose) {
        return find(token, purpose).flatMap(t -> database.dao(UserDao.class).find(t.userId())).filter(u -> !u.disabled());
    }

    private Optional<TokenDao.Token> find(String token, Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.dao(TokenDao.class).find(Accounts.hashOf(token), purpose.code, clock.instant());
    }

    /** The new address an e-mail change link confirms. */
    public Optional<String> pendingEmail(String token) {
        return find(token, Purpose.EMAIL).map(TokenDao.Token::newEmail);
    }

    /** Confirms the address the link was sent to. */
    public Optional<User> verify(String token) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            var found = h.attach(TokenDao.class).find(Accounts.hashOf(token), Purpose.VERIFY.code, now);
            if (found.isEmpty() || h.attach(TokenDao.class).use(Accounts.hashOf(token), now) == 0) {
                return Optional.<User>empty();
            }
            h.attach(UserDao.class).setVerified(found.get().userId(), now);
            return h.attach(UserDao.class).find(found.get().userId());
        });
    }

    /**
     * Sets a new password from a reset link, signs the account out everywhere (whoever knew the
     * old password is out), and returns a fresh session token for the reader who reset it.
     * Following the link also proves the address, so it counts as confirmed.
     */
    public Optional<String> resetPassword(String token, String password) {
        Instant now = clock.instant();
        String hash = Passwords.hash(password);
        Optional<User> user = database.jdbi().inTransaction(h -> {
            var found = h.attach(TokenDao.class).find(Accounts.hashOf(token), Purpose.RESET.code, now);
            if (found.isEmpty() || h.attach(TokenDao.class).use(Accounts.hashOf(token), now) == 0) {
                return Optional.<User>empty();
            }
            long id = found.get().userId();
            UserDao users = h.attach(UserDao.class);
            users.setPassword(id, hash);
            if (users.verifiedAt(id).isEmpty()) {
                users.setVerified(id, now);
            }
            h.attach(SessionDao.class).deleteAllOf(id);
            return users.find(id);
        });
        user.ifPresent(u -> accounts.forgetFailures(u.email()));
        return user.map(accounts::startSession);
    }

    /** The outcome of confirming a new address. */
    public enum EmailChange { CHANGED, TAKEN, INVALID }

    /** Moves the account to the new address the link was sent to. */
    public EmailChange confirmNewEmail(String token) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            var found = h.attach(TokenDao.class).find(Accounts.hashOf(token), Purpose.EMAIL.code, now);
            if (found.isEmpty()) {
                return EmailChange.INVALID;
            }
            UserDao users = h.attach(UserDao.class);
            if (users.findByEmail(found.get().newEmail()).isPresent()) {
                return EmailChange.TAKEN;
            }
            if (h.attach(TokenDao.class).use(Accounts.hashOf(token), now) == 0) {
                return EmailChange.INVALID;
            }
            users.setEmail(found.get().userId(), found.get().newEmail(), now);
            return EmailChange.CHANGED;
        });
    }

    public boolean isVerified(User user) {
        return database.dao(UserDao.class).verifiedAt(user.id()).isPresent();
    }

    public Optional<Instant> createdAt(User user) {
        return database.dao(UserDao.class).createdAt(user.id());
    }

    public boolean passwordMatches(User user, String password) {
        return database.dao(UserDao.class).passwordHashOf(user.id())
            .map(hash -> Passwords.matches(password == null ? "" : password, hash)).orElse(false);
    }

    public boolean emailTaken(String email) {
        return database.dao(UserDao.class).findByEmail(Accounts.normalise(email)).isPresent();
    }

    /** Sets a new password; other sessions end, this one ({@code keep}) stays. */
    public void changePassword(User user, String password, String keep) {
        String hash = Passwords.hash(password);
        database.jdbi().useTransaction(h -> {
            h.attach(UserDao.class).setPassword(user.id(), hash);
            h.createUpdate("DELETE FROM sessions WHERE user_id = :id AND token_hash <> :keep")
                .bind("id", user.id()).bind("keep", Accounts.hashOf(keep)).execute();
        });
    }

    public void rename(User user, String name) {
        database.dao(UserDao.class).setName(user.id(), name.strip());
    }

    public Optional<String> preferences(User user) {
        return database.dao(UserDao.class).preferences(user.id());
    }

    public void savePreferences(User user, String cookieValue) {
        database.dao(UserDao.class).setPreferences(user.id(), cookieValue);
    }

    /**
     * Deletes a reader's account and everything kept about them: sessions, links, memberships
     * and the meter go with it (the foreign keys cascade), and so do their newsletter
     * subscriptions, whether made with the account or with its address before it existed.
     * Staff accounts are not deleted here.
     */
    public boolean delete(User user) {
        return database.jdbi().inTransaction(h -> {
            h.createUpdate("DELETE FROM meter_reads WHERE reader = :reader").bind("reader", "u" + user.id()).execute();
            h.attach(NewsletterDao.class).forget(user.id(), user.email());
            return h.attach(UserDao.class).deleteReader(user.id()) == 1;
        });
    }
}
