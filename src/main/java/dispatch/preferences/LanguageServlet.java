package dispatch.preferences;

import dispatch.account.ReaderAccounts;
import dispatch.account.ReaderFilter;
import dispatch.web.Cookies;
import dispatch.web.Languages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /language/CODE?back=/path: the language switcher's links. Sets the interface's language in
 * the reading-preferences cookie and goes back to the page the reader was on.
 *
 * <p>A link rather than a form, so that the switcher is one Tab stop and one Enter on every page
 * without putting a CSRF token (and so a personal page) into every page; a page forged to send
 * someone here can do no more than change the language their pages are shown in, which the
 * switcher on every page changes back. The answer is never cached.
 */
public final class LanguageServlet extends HttpServlet {
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final ReaderAccounts readers;

    public LanguageServlet(ReaderAccounts readers) {
        this.readers = readers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!Languages.isInterfaceLanguage(code)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ReadingPreferences chosen = PreferencesFilter.current()
            .withLanguage(code.equals(Languages.publication()) ? "" : code);  // the default needs no cookie
        Cookies.set(request, response, PreferencesFilter.COOKIE, chosen.cookieValue(), chosen.isDefault() ? 0 : ONE_YEAR, "Lax");
        ReaderFilter.current().ifPresent(user -> readers.savePreferences(user, chosen.cookieValue()));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", localPath(request.getParameter("back")));
    }

    /** Only a path on this site: never an open redirect to somewhere else ("//evil", "https:"). */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }
}
