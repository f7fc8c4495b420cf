package dispatch.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves the hashed stylesheet. Its name changes with its content, so it is cached as immutable. */
final class AssetServlet extends HttpServlet {
    private final StyleBundle styles;

    AssetServlet(StyleBundle styles) {
        this.styles = styles;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!styles.url().equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] css = styles.bytes();
        response.setContentType("text/css;charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }
}
