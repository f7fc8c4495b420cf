package dispatch.account;

import static dispatch.web.Messages.t;

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
import java.util.Optional;

/** What the readers' account pages share: their layout, signing in, and where to go next. */
public final class ReaderPages {
    static final int SESSION_SECONDS = (int) Accounts.SESSION_LENGTH.toSeconds();
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final Site site;
    private final Templates templates;
    private final Accounts accounts;
    private final ReaderAccounts readers;
    private final AccountMail mail;

    public ReaderPages(Site site, Templates templates, Accounts accounts, ReaderAccounts readers, AccountMail mail) {
        this.site = site;
        this.templates = templates;
        this.accounts = accounts;
        this.readers = readers;
        this.mail = mail;
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

    /** Signs the browser in: the session cookie, and the account's saved reading preferences, if any. */
    void startSession(HttpServletRequest request, HttpServletResponse response, User user, String token) {
        Cookies.set(request, response, ReaderFilter.SESSION_COOKIE, token, SESSION_SECONDS, "Lax");
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
