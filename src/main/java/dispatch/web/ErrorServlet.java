package dispatch.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the error pages (400, 404, 405, 500 and any other status). Jetty forwards here for every
 * error, whatever the method, so one {@code service} handles them all. The reader never sees
 * a stack trace: the exception goes to the log, and the page says what the reader can do.
 */
final class ErrorServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorServlet.class);
    private final Site site;
    private final Templates templates;
    private final QuietLog quiet;

    ErrorServlet(Site site, Templates templates, QuietLog quiet) {
        this.site = site;
        this.templates = templates;
        this.quiet = quiet;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t) {
            int clients = ClientErrors.status(t);
            if (clients != 0) {
                // The client's mistake (a body cut short, a message Jetty could not read): its
                // status, and one quiet line, whichever servlet met it.
                status = clients;
                quiet.log(String.valueOf(
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)) + ": " + ClientErrors.describe(t));
            } else {
                LOG.error("Error serving {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
            }
        }
        String title = title(status);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        try {
            String html = templates.render("error/error.jte",
                new ErrorPage(site.layout(title, title, path), status));
            response.setStatus(status);
            response.setContentType("text/html;charset=utf-8");
            if (status == 405) {
                // What the route serves (see AllowedMethods); a servlet refusing a method itself says so.
                Object allow = request.getAttribute(AllowedMethods.ATTRIBUTE);
                response.setHeader("Allow", allow instanceof String a ? a : "GET, HEAD, OPTIONS");
            }
            response.getWriter().write(html);
        } catch (RuntimeException e) {
            // The database or a template is failing too: say so plainly rather than fail again.
            LOG.error("Error page could not be rendered", e);
            response.setStatus(status);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(title + ". Please try again in a few minutes.\n");
        }
    }

    /** What the page's heading and title say for a status, in the interface's language. */
    static String title(int status) {
        return Messages.t(switch (status) {
            case 400 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.405";
            default -> status >= 500 ? "error.500" : "error.other";
        });
    }
}
