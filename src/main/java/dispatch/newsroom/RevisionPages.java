package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.web.Languages;
import dispatch.web.Layout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's revision history (/newsroom/articles/ID/revisions), the comparison of two
 * revisions (.../revisions/compare?from=A&to=B); restoring one (POST .../revisions/N/restore) is a save,
 * which {@link EditorServlet} answers.
 */
public final class RevisionPages {
    static final Pattern HISTORY = Pattern.compile("/([1-9][0-9]{0,17})/revisions");
    static final Pattern COMPARE = Pattern.compile("/([1-9][0-9]{0,17})/revisions/compare");
    static final Pattern RESTORE = Pattern.compile("/([1-9][0-9]{0,17})/revisions/([1-9][0-9]{0,8})/restore");
    private final ArticleEditor editor;
    private final NewsroomPages pages;
    private final RevisionDao revisions;

    RevisionPages(ArticleEditor editor, NewsroomPages pages, RevisionDao revisions) {
        this.editor = editor;
        this.pages = pages;
        this.revisions = revisions;
    }

    /** @param current the revision readers get now (or the draft as saved): it has no restore button */
    public record HistoryPage(Layout layout, Staff staff, EditableArticle article, List<RevisionDao.Revision> revisions,
                              String from, String to, Integer current) {}

    public record ComparePage(Layout layout, Staff staff, EditableArticle article, RevisionDao.Revision from,
                              RevisionDao.Revision to, RevisionDiff.Result diff) {}

    /** Handles the request if its path is one of these pages; false when it is not. */
    boolean get(HttpServletRequest request, HttpServletResponse response, Staff staff) throws IOException {
        String path = request.getPathInfo();
        Matcher history = HISTORY.matcher(path);
        Matcher compare = COMPARE.matcher(path);
        if (history.matches()) {
            Optional<EditableArticle> article = editor.article(Long.parseLong(history.group(1)));
            if (article.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return true;
            }
            List<RevisionDao.Revision> all = revisions.of(article.get().id());
            String to = all.isEmpty() ? "" : String.valueOf(all.get(0).number());
            String from = all.size() < 2 ? to : String.valueOf(all.get(1).number());
            pages.templates().send(response, "newsroom/revisions.jte", new HistoryPage(
                layout(t("newsroom.historyTitle"), article.get(), "/revisions"), staff, article.get(), all, from, to,
                revisions.current(article.get().id()).orElse(null)));
            return true;
        }
        if (compare.matches()) {
            long id = Long.parseLong(compare.group(1));
            Optional<EditableArticle> article = editor.article(id);
            Optional<RevisionDao.Revision> from = number(request.getParameter("from")).flatMap(n -> revisions.find(id, n));
            Optional<RevisionDao.Revision> to = number(request.getParameter("to")).flatMap(n -> revisions.find(id, n));
            if (article.isEmpty() || from.isEmpty() || to.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return true;
            }
            var diff = RevisionDiff.between(Snapshot.fromJson(from.get().snapshot()), Snapshot.fromJson(to.get().snapshot()));
            pages.templates().send(response, "newsroom/compare.jte", new ComparePage(
                layout(t("newsroom.compareTitle", from.get().number(), to.get().number()), article.get(),
                    "/revisions/compare?from=" + from.get().number() + "&to=" + to.get().number()),
                staff, article.get(), from.get(), to.get(), diff));
            return true;
        }
        return false;
    }

    private Layout layout(String title, EditableArticle article, String suffix) {
        return pages.layout(t("newsroom.ofArticle", title, article.headline()), "/newsroom/articles/" + article.id() + suffix, null)
            .withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"), new Layout.Crumb(article.headline(),
                "/newsroom/articles/" + article.id(), Languages.langAttribute(article.language())));
    }

    private static Optional<Integer> number(String value) {
        return value != null && value.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }
}
