package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.check.ArticleChecks;
import dispatch.check.ArticleDraft;
import dispatch.check.Finding;
import dispatch.check.Severity;
import dispatch.db.Database;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.web.Form;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accessibility checks that stand between the newsroom and readers, in one place. Every path
 * that changes what readers see goes through {@link #admit}: saving a published or scheduled
 * article, publishing, scheduling, restoring a revision of one, applying a suggested change,
 * adding a correction, and describing an image that published articles show. Errors always stop
 * the change and are put on the form, so the page shows them in its error summary, each linked to
 * its field; warnings stop it until acknowledged, where the form carries the acknowledgement.
 */
final class PublicationChecks {
    private final Database database;

    PublicationChecks(Database database) {
        this.database = database;
    }

    /** Whether a path's form can acknowledge warnings (the article form) or only errors count (a correction, an image). */
    enum Warnings { MUST_BE_ACKNOWLEDGED, SHOWN_ONLY }

    /** The checks' findings for what an article form holds (nothing blocks when the form cannot be read). */
    List<Finding> of(Form form) {
        ImageDao images = database.dao(ImageDao.class);
        Image lead = form.value("lead-image").matches("[1-9][0-9]{0,17}")
            ? images.find(Long.parseLong(form.value("lead-image"))).orElse(null) : null;
        return new ArticleChecks(images::findByName).check(draft(form, lead));
    }

    private static ArticleDraft draft(Form form, Image lead) {
        return new ArticleDraft(form.trimmed("headline"), form.trimmed("standfirst"), form.trimmed("language"),
            form.value("body"), lead);
    }

    /**
     * The one gate: puts every error found on {@code form} (by the field it concerns) and, where
     * warnings must be acknowledged and were not, an error asking for that. Returns whether the
     * change may reach readers.
     */
    boolean admit(Form form, List<Finding> findings, Warnings warnings) {
        return admit(form, findings, warnings, null, null);
    }

    /**
     * @param field   the field every error links to, or null for the field each finding names
     * @param article the headline of the article the findings are about, or null when it is the form's own
     */
    private boolean admit(Form form, List<Finding> findings, Warnings warnings, String field, String article) {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        for (Finding error : errors) {
            form.error(field == null ? error.field() : field,
                article == null ? error.message() : t("newsroom.errorInArticle", article, error.message()));
        }
        long unacknowledged = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (errors.isEmpty() && unacknowledged > 0 && warnings == Warnings.MUST_BE_ACKNOWLEDGED
                && !form.checked(EditorPage.ACKNOWLEDGE)) {
            form.error(EditorPage.ACKNOWLEDGE, t("newsroom.errorAcknowledge", unacknowledged));
        }
        return !form.hasErrors();
    }

    /**
     * Describing an image that published or scheduled articles show: refused if any of them would
     * get an error it does not have now (an image with no alt text, say). Errors an article had
     * already are left to its own editor, so that one old article cannot block every image it uses.
     */
    boolean admitImage(Form form, Image before, Image after) {
        ImageDao images = database.dao(ImageDao.class);
        Function<String, Optional<Image>> now = images::findByName;
        Function<String, Optional<Image>> changed = name -> name.equals(before.name()) ? Optional.of(after) : now.apply(name);
        for (EditableArticle article : showing(before)) {
            Form fields = Form.empty().set("headline", article.headline()).set("standfirst", article.standfirst())
                .set("language", article.language()).set("body", article.bodyMarkdown());
            Image lead = article.leadImageId() == null ? null : images.find(article.leadImageId()).orElse(null);
            Set<String> had = keys(new ArticleChecks(now).check(draft(fields, lead)));
            Image leadAfter = lead != null && lead.id() == before.id() ? after : lead;
            List<Finding> brought = new ArticleChecks(changed).check(draft(fields, leadAfter)).stream()
                .filter(f -> f.severity() == Severity.ERROR && !had.contains(key(f))).toList();
            admit(form, brought, Warnings.SHOWN_ONLY, "alt", article.headline());
        }
        return !form.hasErrors();
    }

    /** The published and scheduled articles that show the image, as their lead image or in their text. */
    List<EditableArticle> showing(Image image) {
        return database.dao(NewsroomArticleDao.class).showingImage(image.id(), "%image:" + image.name() + "%");
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(PublicationChecks::key).collect(Collectors.toSet());
    }

    private static String key(Finding f) {
        return f.severity() + " " + f.code() + " " + f.field() + " " + f.message("en");
    }
}
