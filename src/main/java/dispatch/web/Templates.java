package dispatch.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The precompiled jte templates, and the one way servlets send a page. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders to a string; a template error throws here, before anything is sent. */
    public String render(String template, Object page) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(template, page, output);
        return output.toString();
    }

    /**
     * Sends a page. Rendering happens into a buffer first, so a template error can still turn
     * into a proper 500 page instead of half a page.
     */
    public void send(HttpServletResponse response, int status, String template, Object page) throws IOException {
        String html = render(template, page);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(html);
    }

    public void send(HttpServletResponse response, String template, Object page) throws IOException {
        send(response, HttpServletResponse.SC_OK, template, page);
    }
}
