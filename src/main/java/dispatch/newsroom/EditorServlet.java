package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.article.Article;
import dispatch.article.ArticleDao;
import dispatch.article.ArticlePage;
import dispatch.article.BodyRenderer;
import dispatch.article.Kind;
import dispatch.db.Database;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Site;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * /newsroom/articles/new and /newsroom/articles/ID: the article editor. The button pressed
 * (the "action" field) says what to do: save, preview, publish, schedule, unpublish, correct.
 * A form that cannot be accepted is shown again with everything typed; a success redirects
 * (POST-redirect-GET) to the editor with a message.
 */
public final class EditorServlet extends HttpServlet {
    private final ArticleEditor editor;
    private final RevisionPages revisions;
    private final NewsroomPages pages;
    private final Database database;
    private final Site site;
    private final Clock clock;

    public EditorServlet(ArticleEditor editor, NewsroomPages pages, Database database, Site site, Clock clock) {
        this.editor = editor;
        this.revisions = new RevisionPages(editor, pages, database.dao(RevisionDao.class));
        this.pages = pages;
        this.database = database;
        this.site = site;
        this.clock = clock;
    }

    /** The article id in the path, empty for "new", null when the path is not an editor's. */
    private static Optional<Long> target(HttpServletRequest request) {
        String info = request.getPathInfo();
        if ("/new".equals(info)) {
            return Optional.empty();
        }
        if (info != null && info.matches("/[1-9][0-9]{0,17}")) {
            return Optional.of(Long.parseLong(info.substring(1)));
        }
        return null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = target(request);
        Staff staff = Staff.of(request).in("articles");
        if (id == null) {
            if (request.getPathInfo() == null || !revisions.get(request, response, staff)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        if (id.isEmpty()) {
            send(response, HttpServletResponse.SC_OK, staff, null, editor.blank(), List.of(), null, false);
            return;
        }
        Optional<Form> form = form(staff, id.get(), request.getParameter("revision"));
        if (form.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(response, HttpServletResponse.SC_OK, staff, id.get(), form.get(), editor.findings(form.get()),
            done(request.getParameter("done")), false);
    }

    /**
     * The form to show: a suggested change when one is asked for (?revision=N); for someone who
     * may only suggest, the latest suggestion on a published article, so their changes build on
     * it; otherwise the article as it is. Empty when there is no such article or suggestion.
     */
    private Optional<Form> form(Staff staff, long id, String revision) {
        if (revision != null) {
            return revision.matches("[1-9][0-9]{0,8}") && editor.suggestions(id).stream()
                .anyMatch(r -> r.number() == Integer.parseInt(revision))
                ? editor.load(id, Integer.parseInt(revision)) : Optional.empty();
        }
        Optional<EditableArticle> article = editor.article(id);
        if (article.isPresent() && article.get().reachesReaders() && !staff.may(Permissions.Action.CHANGE_LIVE)) {
            Optional<RevisionDao.Revision> latest = editor.suggestions(id).stream().findFirst();
            if (latest.isPresent()) {
                return editor.load(id, latest.get().number());
            }
        }
        return editor.load(id);
    }

    private static String done(String value) {
        return value != null && value.matches("[a-z]{1,20}") ? value : null;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = target(request);
        Staff staff = Staff.of(request).in("articles");
        if (id == null) {
            java.util.regex.Matcher restore = RevisionPages.RESTORE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            if (restore.matches()) {
                restore(response, staff, Long.parseLong(restore.group(1)), Integer.parseInt(restore.group(2)));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        if (id.isPresent() && editor.article(id.get()).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Form form = Form.from(request);
        Long articleId = id.orElse(null);
        String action = form.value("action");
        switch (action) {
            case "preview" -> preview(request, response, staff, articleId, form);
            case "edit" -> send(response, HttpServletResponse.SC_OK, staff, articleId, form, editor.findings(form), null, false);
            case "correct" -> correct(response, staff, articleId, form);
            default -> {
                ArticleEditor.Command what = Arrays.stream(ArticleEditor.Command.values())
                    .filter(a -> a.name().equalsIgnoreCase(action)).findFirst().orElse(ArticleEditor.Command.SAVE);
                answer(response, staff, articleId, editor.save(staff.user(), articleId, form, what));
            }
        }
    }

    /** A save's answer: to the editor with what was done, or the form again with why not. */
    private void answer(HttpServletResponse response, Staff staff, Long id, ArticleEditor.Outcome outcome)
            throws IOException {
        if (outcome.saved()) {
            redirect(response, outcome.id(), outcome.done());
        } else {
            send(response, outcome.status(), staff, id, outcome.form(), outcome.findings(), null, outcome.conflict());
        }
    }

    /**
     * POST .../revisions/N/restore: the old revision becomes a new one by the rules of a save; if
     * it cannot (the checks, the role), the editor shows it with the reasons, ready to fix.
     */
    private void restore(HttpServletResponse response, Staff staff, long id, int number) throws IOException {
        Optional<ArticleEditor.Outcome> outcome = editor.restore(staff.user(), id, number);
        if (outcome.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        answer(response, staff, id, outcome.get());
    }

    private static void redirect(HttpServletResponse response, long id, String done) {
        Redirect.seeOther(response, "/newsroom/articles/" + id + "?done=" + done);
    }

    private void correct(HttpServletResponse response, Staff staff, Long id, Form posted) throws IOException {
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Form> problem = editor.correct(staff.user(), id, posted);
        if (problem.isEmpty()) {
            redirect(response, id, "corrected");
            return;
        }
        // The article's own form, with every reason in its error summary: the correction's, and
        // the checks' errors in the article, each linked to its field on this page.
        Form form = editor.load(id).orElseThrow();
        for (Form.Error error : problem.get().errors()) {
            form.error(error.field(), error.message());
        }
        int status = staff.may(Permissions.Action.ISSUE_CORRECTION) ? 422 : HttpServletResponse.SC_FORBIDDEN;
        EditorPage page = page(staff, id, form, editor.findings(form), null, false);
        pages.templates().send(response, status, "newsroom/editor.jte", new EditorPage(page.layout(), staff, form, id,
            page.state(), page.liveUrl(), page.findings(), page.choices(), page.corrections(), problem.get(), null, false,
            page.suggestions()));
    }

    /** Shows the form's content exactly as readers would see it, without saving anything. */
    private void preview(HttpServletRequest request, HttpServletResponse response, Staff staff, Long id, Form form)
            throws IOException {
        ArticleForm.Choices choices = editor.choices();
        Optional<ArticleForm.Input> read = ArticleForm.read(form, choices, false);
        if (read.isEmpty()) {
            send(response, 422, staff, id, form, editor.findings(form), null, false);
            return;
        }
        ArticleForm.Input in = read.get();
        Instant now = clock.instant();
        Optional<EditableArticle> saved = id == null ? Optional.empty() : editor.article(id);
        var body = new BodyRenderer(database.dao(ImageDao.class)::findByName).render(in.body());
        Article article = new Article(id == null ? 0 : id, in.slug().isEmpty() ? ArticleForm.slugFrom(in.headline()) : in.slug(),
            Kind.of(in.kind()).orElse(Kind.NEWS), in.section(), in.headline(), in.standfirst(), in.dateline(),
            in.language(), body.html(), body.wordCount(), in.leadImage(), in.access(),
            saved.map(EditableArticle::publishedAt).filter(p -> p != null).orElse(now), null, in.authors(), in.topics(),
            id == null ? List.of() : database.dao(ArticleDao.class).corrections(id));
        Layout layout = site.layout(t("newsroom.previewTitle", in.headline()), in.standfirst(), article.url())
            .inSection(in.section().slug())
            .withCrumbs(Layout.home(), Layout.Crumb.named(in.section().name(), in.section().url()));
        Form carried = Form.empty();
        form.entries().forEach((name, values) -> {
            if (!name.equals("csrf") && !name.equals("action")) {
                carried.setAll(name, values);
            }
        });
        String action = id == null ? "/newsroom/articles/new" : "/newsroom/articles/" + id;
        pages.templates().send(response, HttpServletResponse.SC_OK, "article/article.jte", new ArticlePage(layout,
            article, article.bodyHtml(), null, List.of(), new ArticlePage.Preview(action, staff.csrf(), carried.entries()),
            null, List.of(), null));
    }

    private void send(HttpServletResponse response, int status, Staff staff, Long id, Form form,
                      List<dispatch.check.Finding> findings, String done, boolean conflict) throws IOException {
        pages.templates().send(response, status, "newsroom/editor.jte", page(staff, id, form, findings, done, conflict));
    }

    private EditorPage page(Staff staff, Long id, Form form, List<dispatch.check.Finding> findings, String done,
                            boolean conflict) {
        Optional<EditableArticle> article = id == null ? Optional.empty() : editor.article(id);
        String state = article.map(a -> a.state(clock.instant())).orElse("new");
        String title = id == null ? t("newsroom.newArticle") : t("newsroom.editTitle", article.map(EditableArticle::headline).orElse(""));
        String path = id == null ? "/newsroom/articles/new" : "/newsroom/articles/" + id;
        ArticleForm.Choices choices = editor.choices();
        EditorPage.Choices options = new EditorPage.Choices(
            Arrays.stream(Kind.values()).map(k -> new Option(k.code(), k.label())).toList(),
            choices.sections().stream().map(s -> Option.inPublicationLanguage(String.valueOf(s.id()), s.name())).toList(),
            choices.topics().stream().map(t -> Option.inPublicationLanguage(String.valueOf(t.id()), t.name())).toList(),
            choices.authors().stream().map(a -> Option.inPublicationLanguage(String.valueOf(a.id()), a.name())).toList(),
            imageOptions(choices.images()),
            List.of(new Option("free", t("newsroom.accessFree")), new Option("members", t("newsroom.accessMembers"))));
        return new EditorPage(pages.layout(title, path, form), staff, form, id, state,
            article.filter(a -> a.isLive(clock.instant())).map(a -> "/articles/" + a.slug()).orElse(null),
            findings, options, id == null ? List.of() : database.dao(ArticleDao.class).corrections(id),
            Form.empty(), done, conflict, id == null ? null : suggestions(id, form));
    }

    /** The changes suggested for the article and waiting for an editor, or null when there are none. */
    private EditorPage.Suggestions suggestions(long id, Form form) {
        List<RevisionDao.Revision> waiting = editor.suggestions(id);
        if (waiting.isEmpty()) {
            return null;
        }
        RevisionDao.Revision latest = waiting.get(0);
        return new EditorPage.Suggestions(latest, editor.currentRevision(id).orElse(null),
            String.valueOf(latest.number()).equals(form.value("suggestion")));
    }

    private static List<Option> imageOptions(List<Image> images) {
        var options = new java.util.ArrayList<Option>();
        options.add(new Option("", t("newsroom.noLeadImage")));
        for (Image image : images) {
            options.add(new Option(String.valueOf(image.id()),
                image.isDescribed() ? image.name() : t("newsroom.imageNeedsAlt", image.name())));
        }
        return options;
    }
}
