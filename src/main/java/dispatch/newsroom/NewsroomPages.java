package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Site;
import dispatch.web.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/** Layouts and the few pages every newsroom servlet may need to send. */
public final class NewsroomPages {
    /** Fields never carried through a second sign-in: the old token and the credentials. */
    private static final Set<String> NOT_CARRIED = Set.of(Csrf.FIELD, "email", "password", "next", "resume_action");
    private final Site site;
    private final Templates templates;

    public NewsroomPages(Site site, Templates templates) {
        this.site = site;
        this.templates = templates;
    }

    public Templates templates() {
        return templates;
    }

    /**
     * A newsroom layout: "Newsroom" in the breadcrumbs, and "Error: " before the title when the
     * form has errors, or "Warning: " when all that stops it is the accessibility warnings waiting
     * to be acknowledged (so that the first words a screen reader says are true).
     */
    public Layout layout(String title, String path, Form form) {
        String prefix = form == null || !form.hasErrors() ? ""
            : form.errorsOnlyIn(EditorPage.ACKNOWLEDGE) ? t("form.warningPrefix") : t("form.errorPrefix");
        String full = prefix + title;
        Layout layout = site.layout(full, t("newsroom.description", title, site.name()), path);
        return path.equals("/newsroom") ? layout : layout.withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"));
    }

    /** 403 for a form whose CSRF token is missing or wrong: old, or sent from another site. */
    void expiredForm(HttpServletResponse response, String path) throws IOException {
        templates.send(response, HttpServletResponse.SC_FORBIDDEN, "newsroom/expired.jte",
            new ExpiredPage(layout(t("newsroom.expiredTitle"), path, null)));
    }

    /** The sign-in form, carrying an unsaved POST so it can be sent again after signing in. */
    void signInAgain(HttpServletRequest request, HttpServletResponse response, Form posted, String action)
            throws IOException {
        Form carried = Form.empty();
        posted.entries().forEach((name, values) -> {
            if (!NOT_CARRIED.contains(name)) {
                carried.setAll(name, values);
            }
        });
        templates.send(response, HttpServletResponse.SC_OK, "newsroom/sign-in.jte", new SignInPage(
            layout(t("newsroom.signInAgainTitle"), SignInServlet.PATH, null), Form.empty(), Csrf.token(request, response),
            "/newsroom", action, carried.entries(), true));
    }

    public record ExpiredPage(Layout layout) {}
}
