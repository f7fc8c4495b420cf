package dispatch.membership;

import dispatch.account.ReaderFilter;
import dispatch.web.Cookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is reading, for the meter: the signed-in account, or else a random id in the meter
 * cookie, given on the first article read. The cookie holds nothing but that id.
 */
public final class Meter {
    public static final String COOKIE = "dispatch_meter";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The reader of this request, giving an anonymous reader a meter cookie if they have none. */
    public static Access.Reader reader(HttpServletRequest request, HttpServletResponse response) {
        var user = ReaderFilter.current();
        if (user.isPresent()) {
            return new Access.Reader(user.get(), null);
        }
        Optional<String> id = Cookies.get(request, COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{16,64}"));
        if (id.isEmpty()) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            id = Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            Cookies.set(request, response, COOKIE, id.get(), ONE_YEAR, "Lax");
        }
        return new Access.Reader(null, id.get());
    }

    private Meter() {}
}
