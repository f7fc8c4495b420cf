package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading what a request asks for. */
public final class Requests {
    private static final Pattern SLUG = Pattern.compile("/([a-z0-9]+(?:-[a-z0-9]+)*)");

    /** The slug in a path such as /articles/SLUG; empty for anything else, which is a 404. */
    public static Optional<String> slug(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return Optional.empty();
        }
        var matcher = SLUG.matcher(info);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** True for the bare collection path: /topics or /topics/. */
    public static boolean isIndex(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/");
    }

    private Requests() {}
}
