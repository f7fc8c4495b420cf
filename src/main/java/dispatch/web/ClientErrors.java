package dispatch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.LoggerFactory;

/**
 * A client's malformed request is the client's mistake, whichever route it reaches: 400 (or the
 * 4xx Jetty named) with the site's own error page, and at most one quiet log line, never a 500
 * or a stack trace. The query and a form's body are decoded here, before any servlet, so a
 * request that cannot be read is refused the same way on every route, whether or not the route
 * reads its parameters; what a servlet still meets later (a multipart body cut short) is
 * classified by {@link #status} on the error page.
 */
final class ClientErrors extends HttpFilter {
    private final QuietLog quiet;

    /** @param quiet the server's one log of clients' mistakes (see {@link #newLog()}) */
    ClientErrors(QuietLog quiet) {
        this.quiet = quiet;
    }

    /**
     * The quiet lines of one server, counted per minute whatever met the mistake (this filter, the
     * error page, or the server before any route): a flood of bad requests cannot fill the disk.
     */
    static QuietLog newLog() {
        return new QuietLog(LoggerFactory.getLogger(ClientErrors.class), 10);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The raw header: getContentType() itself throws on a charset Java does not know.
        String header = request.getHeader("Content-Type");
        String type = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        // Multipart bodies are left to the servlets that take them (with their own size limits).
        if (request.getQueryString() != null || type.startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (RuntimeException e) {
                quiet.log(request.getMethod() + " " + request.getRequestURI() + " could not be read: " + describe(e));
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The 4xx status a failure deserves when the client caused it (a message Jetty could not
     * read, a body cut short), or 0 when it is the server's own failure.
     */
    static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
            if (t instanceof EOFException || t instanceof org.eclipse.jetty.io.EofException
                    || t instanceof java.nio.charset.IllegalCharsetNameException
                    || t instanceof java.nio.charset.UnsupportedCharsetException) {
                return HttpServletResponse.SC_BAD_REQUEST;
            }
        }
        return 0;
    }

    /** One line: the innermost message, without the stack. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("[\\r\\n]+", " ");
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }
}
