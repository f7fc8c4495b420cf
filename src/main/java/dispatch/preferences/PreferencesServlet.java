package dispatch.preferences;

import dispatch.web.Cookies;
import dispatch.web.Csrf;
import dispatch.web.Form;
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

    public PreferencesServlet(Routes.Services services) {
        this.s = services;
    }

    /** The preferences page. */
    public record PreferencesPage(Layout layout, ReadingPreferences current, String csrf, boolean saved,
                                  List<Option> sizes, List<Option> spacings, List<Option> themes) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layout layout = s.site().layout("Reading preferences", "Choose how pages are shown to you.", "/preferences")
            .withCrumbs(new Layout.Crumb("Home", "/"));
        s.templates().send(response, "preferences/preferences.jte", new PreferencesPage(layout,
            PreferencesFilter.current(), Csrf.token(request, response), request.getParameter("saved") != null,
            List.of(new Option("standard", "Standard"), new Option("large", "Large (125%)"),
                new Option("larger", "Larger (150%)")),
            List.of(new Option("standard", "Standard"), new Option("wide", "Wide: more space between lines, words and letters")),
            List.of(new Option("system", "As my device is set (light or dark)"), new Option("light", "Light"),
                new Option("dark", "Dark"), new Option("contrast", "High contrast: white and yellow on black"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Csrf.valid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Form form = Form.from(request);
        ReadingPreferences chosen = ReadingPreferences.of(form.value("size"), form.value("spacing"), form.value("theme"));
        Cookies.set(request, response, PreferencesFilter.COOKIE, chosen.cookieValue(),
            chosen.isDefault() ? 0 : ONE_YEAR, "Lax");
        Redirect.seeOther(response, "/preferences?saved");
    }
}
