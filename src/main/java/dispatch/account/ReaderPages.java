package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.limit.FormLimits;
import dispatch.limit.RateLimits;
import dispatch.preferences.PreferencesFilter;
import dispatch.web.Cookies;
import dispatch.web.Layout;
import dispatch.web.Site;
import dispatch.web.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** What the readers' account pages share: their layout, signing in, and where to go next. */
public final class ReaderPages {
    static final int SESSION_SECONDS = (int) Accounts.SESSION_LENGTH.toSeconds();
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final Site site;
    private final Templates templates;
    private final Accounts accounts;
    private final ReaderAccounts readers;
    /** Registrations from one client: each costs two bcrypt runs and a mail. */
    static final RateLimits.Limit REGISTER = new RateLimits.Limit("register", 10, Duration.ofHours(1));
    /** Reset links asked for from one client. */
    static final RateLimits.Limit FORGOT = new RateLimits.Limit("forgot-password", 10, Duration.ofHours(1));
    /** Account mail that anyone can cause (confirmations, reset links) to one address, whoever asks. */
    static final RateLimits.Limit MAIL_TO_ADDRESS = new RateLimits.Limit("account-mail", 3, Duration.ofHours(1));
    /** The longest name a reader may give: it goes into every mail we send them. */
    static final int MAX_NAME = 100;
    /** The longest e-mail address there can be (RFC 5321: 64 + @ + 255). */
    static final int MAX_EMAIL = 320;
    private final AccountMail mail;
    private final FormLimits limits;

    public ReaderPages(Site site, Templates templates, Accounts accounts, ReaderAccounts readers, AccountMail mail,
                       FormLimits limits) {
        this.site = site;
        this.templates = templates;
        this.accounts = accounts;
        this.readers = readers;
        this.mail = mail;
        this.limits = limits;
    }

    public FormLimits limits() {
        return limits;
    }

    /** The error for a name that is missing or too long, or null. */
    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return t("register.errorName");
        }
        return name.length() > MAX_NAME ? t("form.errorNameLong", MAX_NAME) : null;
    }

    /** The error for an address that is too long or not in the form of one, or null. */
    static String emailProblem(String email) {
        if (email.length() > MAX_EMAIL) {
            return t("form.errorEmailLong", MAX_EMAIL);
        }
        return plausibleEmail(email) ? null : t("register.errorEmail");
    }

    public Site site() {
        return site;
    }

    public Templates templates() {
        return templates;
    }

    public Accounts accounts() {
        return accounts;
    }

    public ReaderAccounts readers() {
        return readers;
    }

    public AccountMail mail() {
        return mail;
    }

    /** A layout under "Home" and, for pages below it, "Your account"; "Error: " first when the form has errors. */
    public Layout layout(String title, String description, String path, boolean hasErrors, boolean underAccount) {
        Layout layout = site.layout((hasErrors ? t("form.errorPrefix") : "") + title, description, path);
        return underAccount ? layout.withCrumbs(Layout.home(), new Layout.Crumb(t("account.title"), "/account"))
            : layout.withCrumbs(Layout.home());
    }

    /**
     * Signs the browser in: the session cookie, a new CSRF secret bound to the new session, and
     * the account's saved reading preferences, if any.
     */
    void startSession(HttpServletRequest request, HttpServletResponse response, User user, String token) {
        ReaderFilter.startSession(request, response, token, SESSION_SECONDS);
        dispatch.web.Csrf.rotate(request, response, token);
        readers.preferences(user).ifPresent(saved ->
            Cookies.set(request, response, PreferencesFilter.COOKIE, saved, ONE_YEAR, "Lax"));
    }

    /** Who is signed in, or else a redirect to the sign-in page that comes back here. */
    Optional<User> signedInOrRedirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = ReaderFilter.current();
        if (user.isEmpty()) {
            response.sendRedirect("/account/sign-in?next=" + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
        }
        return user;
    }

    /** For a form only a signed-in reader sends: its sender, or else a 403 (bad token) or a redirect to sign in. */
    Optional<User> formFromSignedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (dispatch.web.Csrf.rejects(request, response)) {
            return Optional.empty();
        }
        return signedInOrRedirect(request, response);
    }

    /** Only addresses on this site are followed after signing in, so a link cannot send anyone elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
            && !next.startsWith("/newsroom") && next.chars().noneMatch(c -> c < 0x20) ? next : "/account";
    }

    static boolean plausibleEmail(String email) {
        return email.length() <= 320 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
