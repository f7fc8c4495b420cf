package dispatch.newsroom;

import dispatch.article.Correction;
import dispatch.check.Finding;
import dispatch.check.Severity;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import java.util.List;

/**
 * The article editor. {@code articleId} is null for a new article; {@code state} is "new", "draft",
 * "scheduled", "published" or "unpublished" (shown as newsroom.state.*); {@code done} names what was just done ("saved", "published"...) or is null.
 */
public record EditorPage(Layout layout, Staff staff, Form form, Long articleId, String state, String liveUrl,
                         List<Finding> findings, Choices choices, List<Correction> corrections, Form correction,
                         String done, boolean conflict, Suggestions suggestions) {

    /**
     * Changes suggested for a published or scheduled article, waiting for an editor.
     *
     * @param latest  the latest suggestion (each builds on the one before)
     * @param current the revision readers get now, to compare with; null if none was recorded
     * @param shown   whether the form holds the latest suggestion rather than the article as it is
     */
    public record Suggestions(RevisionDao.Revision latest, Integer current, boolean shown) {}

    /** The options of the form's lists. */
    public record Choices(List<Option> kinds, List<Option> sections, List<Option> topics, List<Option> authors,
                          List<Option> images, List<Option> access) {}

    public String action() {
        return articleId == null ? "/newsroom/articles/new" : "/newsroom/articles/" + articleId;
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** The field that acknowledges the accessibility warnings. */
    public static final String ACKNOWLEDGE = "acknowledge";

    /** True when the only thing stopping the form is warnings not yet acknowledged. */
    public boolean warningsOnly() {
        return form.errorsOnlyIn(ACKNOWLEDGE);
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    public boolean live() {
        return "published".equals(state);
    }

    /** Whether readers get, or will get, what is saved here: a published or scheduled article. */
    public boolean reachesReaders() {
        return "published".equals(state) || "scheduled".equals(state);
    }

    public String doneMessage() {
        if (done == null) {
            return null;
        }
        return dispatch.web.Messages.t("newsroom.done." + switch (done) {
            case "published", "scheduled", "unpublished", "corrected", "restored", "suggested" -> done;
            default -> "saved";
        });
    }
}
