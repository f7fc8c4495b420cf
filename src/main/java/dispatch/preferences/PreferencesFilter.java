package dispatch.preferences;

import dispatch.web.Cookies;
import dispatch.web.Languages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads the reader's preferences from their cookie for the length of the request, so that
 * every page's layout can apply them (see {@link #current()}), and sets the interface's
 * language for the request ({@link Languages}). Requests are served on one
 * thread from start to finish, which is what makes a thread-local safe here.
 */
public final class PreferencesFilter extends HttpFilter {
    public static final String COOKIE = "dispatch_prefs";
    private static final ThreadLocal<ReadingPreferences> CURRENT = new ThreadLocal<>();
    private final String publicationLanguage;

    public PreferencesFilter(String publicationLanguage) {
        this.publicationLanguage = publicationLanguage;
    }

    /**
     * For the page cache: every page depends on the reader's preferences, and a page for a reader
     * who set any is their own (kept, but private to their browser).
     */
    public static final dispatch.web.PageCache.Variation VARIATION = (request, subject) -> {
        String cookie = request.cookie(COOKIE);
        return new dispatch.web.PageCache.Part(ReadingPreferences.parse(cookie).cacheKey(), cookie != null,
            java.util.List.of());
    };

    /** The preferences of the request being served, or the defaults outside one. */
    public static ReadingPreferences current() {
        ReadingPreferences p = CURRENT.get();
        return p == null ? ReadingPreferences.DEFAULT : p;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ReadingPreferences previous = CURRENT.get();
        ReadingPreferences preferences = ReadingPreferences.parse(Cookies.get(request, COOKIE).orElse(null));
        CURRENT.set(preferences);
        Languages.Context previousLanguages = Languages.use(
            new Languages.Context(preferences.interfaceLanguage(publicationLanguage), publicationLanguage));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(previous);
            Languages.use(previousLanguages);
        }
    }
}
