package dispatch.preferences;

import static dispatch.web.Messages.t;

import dispatch.account.ReaderAccounts;
import dispatch.account.ReaderFilter;
import dispatch.web.Cookies;
import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Languages;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Routes;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** /preferences: choose text size, line spacing and theme; saved in a cookie for a year. */
public final class PreferencesServlet extends HttpServlet {
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final Routes.Services s;
    private final ReaderAccounts readers;

    public PreferencesServlet(Routes.Services services, ReaderAccounts readers) {
        this.s = services;
        this.readers = readers;
    }

    /** The preferences page. */
    public record PreferencesPage(Layout layout, ReadingPreferences current, String language, String csrf,
                                  boolean saved, List<Option> languages, List<Option> sizes, List<Option> spacings,
                                  List<Option> themes) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layout layout = s.site().layout(t("preferences.title"), t("preferences.description"), "/preferences")
            .withCrumbs(Layout.home());
        // Each language is named in itself, and marked so, so that a reader finds their own.
        List<Option> languages = Languages.INTERFACE.stream()
            .map(code -> Option.inLanguage(code, Languages.ownName(code), code)).toList();
        s.templates().send(response, "preferences/preferences.jte", new PreferencesPage(layout,
            PreferencesFilter.current(), Languages.current(), Csrf.token(request, response),
            request.getParameter("saved") != null, languages,
            List.of(new Option("standard", t("preferences.sizeStandard")), new Option("large", t("preferences.sizeLarge")),
                new Option("larger", t("preferences.sizeLarger"))),
            List.of(new Option("standard", t("preferences.spacingStandard")), new Option("wide", t("preferences.spacingWide"))),
            List.of(new Option("system", t("preferences.themeSystem")), new Option("light", t("preferences.themeLight")),
                new Option("dark", t("preferences.themeDark")), new Option("contrast", t("preferences.themeContrast")))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        Form form = Form.from(request);
        String language = form.value("language");
        ReadingPreferences chosen = ReadingPreferences.of(form.value("size"), form.value("spacing"), form.value("theme"),
            Languages.publication().equals(language) ? "" : language);  // the publication's own needs no cookie
        Cookies.set(request, response, PreferencesFilter.COOKIE, chosen.cookieValue(),
            chosen.isDefault() ? 0 : ONE_YEAR, "Lax");
        // Signed in, the choice goes with the account too, and follows the reader to other devices.
        ReaderFilter.current().ifPresent(user -> readers.savePreferences(user, chosen.cookieValue()));
        Redirect.seeOther(response, "/preferences?saved");
    }
}
