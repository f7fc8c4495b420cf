package dispatch.web;

import static dispatch.web.Messages.t;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The answer to a form sent more often than its limit allows (see dispatch.limit.RateLimits):
 * 429 with Retry-After, and a page that says plainly what happened, that nothing was kept or
 * sent, and when to try again, as a time and as minutes from now.
 */
public final class TooManyRequests {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The page: its layout, the time to try again and the minutes until then. */
    public record TooManyPage(Layout layout, String time, long minutes) {}

    public static void send(HttpServletResponse response, Site site, Templates templates, String path, Instant retryAt,
                            Instant now) throws IOException {
        long seconds = Math.max(1, Duration.between(now, retryAt).toSeconds() + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("Cache-Control", "private, no-store");
        String title = t("error.429");
        templates.send(response, 429, "error/too-many.jte", new TooManyPage(
            site.layout(title, title, path).withCrumbs(Layout.home()), TIME.format(retryAt), (seconds + 59) / 60));
    }

    private TooManyRequests() {}
}
