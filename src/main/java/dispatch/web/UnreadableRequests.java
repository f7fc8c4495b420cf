package dispatch.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jsoup.nodes.Entities;

/**
 * Errors Jetty answers before a request reaches the site's context: a path that cannot be
 * decoded (invalid UTF-8, a NUL) or that is ambiguous ({@code /.%2e/}, an encoded separator), a
 * malformed request line. No filter runs for them, so this answers as the filters would have: the
 * security headers (and HSTS when the request came over HTTPS, directly or through a trusted
 * proxy), one quiet line in the same log as the other clients' mistakes, and a small page in the
 * site's words. The site's templated page cannot be used from here: it needs the request's
 * preferences and path, and this request has none that can be read. Nothing of the request is
 * echoed, on the page or unescaped in the log.
 */
final class UnreadableRequests extends ErrorHandler {
    private final String siteName;
    private final String language;
    private final Set<String> trustedProxies;
    private final QuietLog quiet;

    UnreadableRequests(String siteName, String language, Set<String> trustedProxies, QuietLog quiet) {
        this.siteName = siteName;
        // The publication's language when the interface speaks it (as for a reader without preferences).
        this.language = Languages.isInterfaceLanguage(language) ? language : "en";
        this.trustedProxies = trustedProxies;
        this.quiet = quiet;
        setShowStacks(false);
        setShowMessageInTitle(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        if (ClientAddress.secure(request, trustedProxies)) {
            response.getHeaders().put("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        int status = response.getStatus();
        Object failure = request.getAttribute(ERROR_EXCEPTION);
        if (failure instanceof HttpException http) {
            status = http.getCode();
        }
        if (status >= 400 && status < 500) {
            quiet.log(target(request) + " could not be read: "
                + (failure instanceof Throwable t ? ClientErrors.describe(t) : String.valueOf(status)));
        }
        return super.handle(request, response, callback);
    }

    /**
     * The method and target as they were sent, still percent-encoded (QuietLog replaces control
     * characters); for a request line the parser refused, Jetty has only its own stand-in
     * ("BAD /badMessage"), which would mislead.
     */
    private static String target(Request request) {
        String method = request.getMethod();
        return "BAD".equals(method) ? "A request line" : method + " " + request.getHttpURI().getPathQuery();
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        response.write(true, ByteBuffer.wrap(page(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** The page: the status in the site's words, and the way back to the front page; nothing from the request. */
    String page(int status) {
        Languages.Context previous = Languages.use(new Languages.Context(language, language));
        try {
            String title = ErrorServlet.title(status);
            return "<!DOCTYPE html>\n<html lang=\"" + language + "\" dir=\"" + Languages.direction(language) + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title + " – " + siteName) + "</title></head>\n"
                + "<body><main>\n<h1>" + escape(title) + "</h1>\n"
                + "<p>" + escape(Messages.t("error.otherHelp")) + " " + escape(Messages.t("error.youCan"))
                + " <a href=\"/\">" + escape(Messages.t("error.linkFront")) + "</a></p>\n</main></body>\n</html>\n";
        } finally {
            Languages.use(previous);
        }
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
