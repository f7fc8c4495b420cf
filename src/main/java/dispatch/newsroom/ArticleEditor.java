package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.account.Role;
import dispatch.account.User;
import dispatch.activity.ActivityLog;
import dispatch.article.ArticleDao;
import dispatch.article.BodyRenderer;
import dispatch.author.Author;
import dispatch.author.AuthorDao;
import dispatch.check.ArticleChecks;
import dispatch.check.ArticleDraft;
import dispatch.check.Finding;
import dispatch.check.Severity;
import dispatch.db.Database;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.section.SectionDao;
import dispatch.topic.Topic;
import dispatch.topic.TopicDao;
import dispatch.web.Form;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Saving, publishing and correcting articles. Every change is one transaction: the article,
 * its writers and topics, a revision and an activity-log entry are written together or not at
 * all. Publishing runs the accessibility checks: errors stop it, warnings must be acknowledged.
 */
public final class ArticleEditor {
    static final int CORRECTION_MAX = 2000;
    /** What the editor asked for, by the button they pressed. */
    public enum Action { SAVE, PUBLISH, SCHEDULE, UNPUBLISH }

    /** The result of a save: {@code form} is null when it succeeded. */
    public record Outcome(Long id, String done, Form form, List<Finding> findings, boolean conflict) {
        public boolean saved() {
            return form == null;
        }
    }

    private final Database database;
    private final Clock clock;

    public ArticleEditor(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ArticleForm.Choices choices() {
        return new ArticleForm.Choices(database.dao(SectionDao.class).all(), database.dao(TopicDao.class).all(),
            database.dao(AuthorDao.class).all(), database.dao(ImageDao.class).all());
    }

    ArticleChecks checks() {
        ImageDao images = database.dao(ImageDao.class);
        return new ArticleChecks(images::findByName);
    }

    /** The checks' findings for what the form holds now (nothing when the form cannot be read). */
    List<Finding> findings(Form form) {
        Image lead = choices().images().stream().filter(i -> String.valueOf(i.id()).equals(form.value("lead-image")))
            .findFirst().orElse(null);
        return checks().check(new ArticleDraft(form.trimmed("headline"), form.trimmed("standfirst"),
            form.trimmed("language"), form.value("body"), lead));
    }

    /** A form for a new article. */
    Form blank() {
        return Form.empty().set("kind", "news").set("language", "en").set("access", "free");
    }

    /** The form for an existing article, with its version for the conflict check. */
    Optional<Form> load(long id) {
        NewsroomArticleDao dao = database.dao(NewsroomArticleDao.class);
        return dao.find(id).map(a -> Form.empty()
            .set("headline", a.headline()).set("standfirst", a.standfirst()).set("kind", a.kind())
            .set("section", String.valueOf(a.sectionId()))
            .setAll("topics", dao.topicIds(id).stream().map(String::valueOf).toList())
            .setAll("authors", dao.authorIds(id).stream().map(String::valueOf).toList())
            .set("dateline", a.dateline()).set("language", a.language()).set("access", a.access())
            .set("body", a.bodyMarkdown())
            .set("lead-image", a.leadImageId() == null ? "" : String.valueOf(a.leadImageId()))
            .set("slug", a.slug()).set("version", String.valueOf(a.version())));
    }

    Optional<EditableArticle> article(long id) {
        return database.dao(NewsroomArticleDao.class).find(id);
    }

    /** Saves a new article ({@code id} null) or an edit, then does what {@code action} asks. */
    public Outcome save(User user, Long id, Form form, Action action) {
        boolean publishing = action == Action.PUBLISH || action == Action.SCHEDULE;
        if (action != Action.SAVE && !user.can(Role.EDITOR)) {
            form.error("headline", t("newsroom.errorOnlyEditors"));
            return new Outcome(id, null, form, findings(form), false);
        }
        Optional<ArticleForm.Input> read = ArticleForm.read(form, choices(), action == Action.SCHEDULE);
        List<Finding> findings = findings(form);
        if (read.isEmpty()) {
            return new Outcome(id, null, form, findings, false);
        }
        if (publishing && !allowedToPublish(form, findings)) {
            return new Outcome(id, null, form, findings, false);
        }
        ArticleForm.Input input = read.get();
        Instant now = clock.instant();
        try {
            long saved = database.jdbi().inTransaction(h -> write(h, user, id, form, input, action, now));
            return new Outcome(saved, doneMessage(action), null, findings, false);
        } catch (Conflict e) {
            form.error("headline", t("newsroom.errorConflict"));
            return new Outcome(id, null, form, findings, true);
        } catch (SlugTaken e) {
            form.error("slug", t("newsroom.errorSlugTaken"));
            return new Outcome(id, null, form, findings, false);
        }
    }

    /** Check errors always stop publication; warnings stop it until the editor acknowledges them. */
    private static boolean allowedToPublish(Form form, List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        for (Finding error : errors) {
            form.error(error.field(), error.message());
        }
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (errors.isEmpty() && warnings > 0 && !form.checked("acknowledge")) {
            form.error("acknowledge", t("newsroom.errorAcknowledge", warnings));
        }
        return !form.hasErrors();
    }

    private static String doneMessage(Action action) {
        return switch (action) {
            case SAVE -> "saved";
            case PUBLISH -> "published";
            case SCHEDULE -> "scheduled";
            case UNPUBLISH -> "unpublished";
        };
    }

    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    private static final class SlugTaken extends RuntimeException {
        SlugTaken() {
            super(null, null, false, false);
        }
    }

    private long write(Handle h, User user, Long id, Form form, ArticleForm.Input in, Action action, Instant now) {
        NewsroomArticleDao dao = h.attach(NewsroomArticleDao.class);
        Optional<EditableArticle> before = id == null ? Optional.empty() : dao.find(id);
        String slug = in.slug().isEmpty() ? unique(dao, ArticleForm.slugFrom(in.headline()), id == null ? -1 : id) : in.slug();
        if (dao.slugTaken(slug, id == null ? -1 : id) > 0) {
            throw new SlugTaken();
        }
        if (before.isPresent() && before.get().isLive(now) && !slug.equals(before.get().slug())) {
            slug = before.get().slug(); // a published address never changes: links to it must keep working
        }
        String status = before.map(EditableArticle::status).orElse("draft");
        Instant publishedAt = before.map(EditableArticle::publishedAt).orElse(null);
        Instant updatedAt = before.map(EditableArticle::updatedAt).orElse(null);
        switch (action) {
            case PUBLISH -> {
                boolean live = before.map(a -> a.isLive(now)).orElse(false);
                status = "published";
                publishedAt = live ? publishedAt : now;
            }
            case SCHEDULE -> {
                status = "published";
                publishedAt = in.publishAt();
            }
            case UNPUBLISH -> status = "unpublished";
            case SAVE -> { }
        }
        if (form.checked("updated") && "published".equals(status) && publishedAt != null && !publishedAt.isAfter(now)) {
            updatedAt = now;
        }
        var body = new BodyRenderer(h.attach(ImageDao.class)::findByName).render(in.body());
        Long leadId = in.leadImage() == null ? null : in.leadImage().id();
        long articleId;
        if (id == null) {
            articleId = h.attach(ArticleDao.class).insert(slug, in.kind(), in.section().id(), in.headline(),
                in.standfirst(), in.dateline(), in.language(), in.body(), body.html(), body.freeText(),
                body.wordCount(), leadId, status, in.access(), publishedAt, updatedAt, now);
        } else {
            int version = parseVersion(form.value("version"));
            int changed = dao.update(id, version, slug, in.kind(), in.section().id(), in.headline(), in.standfirst(),
                in.dateline(), in.language(), in.body(), body.html(), body.freeText(), body.wordCount(), leadId, status,
                in.access(), publishedAt, updatedAt, now);
            if (changed == 0) {
                throw new Conflict();
            }
            articleId = id;
            dao.clearAuthors(id);
            dao.clearTopics(id);
        }
        int position = 0;
        for (Author author : in.authors()) {
            h.attach(AuthorDao.class).credit(articleId, author.id(), position++);
        }
        for (Topic topic : in.topics()) {
            h.attach(TopicDao.class).tag(articleId, topic.id());
        }
        String note = switch (action) {
            case SAVE -> id == null ? "Created" : "Saved";
            case PUBLISH -> "Published";
            case SCHEDULE -> "Scheduled for " + publishedAt;
            case UNPUBLISH -> "Unpublished";
        };
        if (updatedAt != null && now.equals(updatedAt)) {
            note += ", marked as updated";
        }
        Snapshot snapshot = new Snapshot(in.headline(), in.standfirst(), in.kind(), in.section().slug(),
            in.topics().stream().map(Topic::slug).toList(), in.authors().stream().map(Author::slug).toList(),
            in.dateline(), in.language(), in.access(), in.body(), in.leadImage() == null ? null : in.leadImage().name(),
            status, publishedAt == null ? null : publishedAt.toString());
        h.attach(RevisionDao.class).add(articleId, user.id(), note, snapshot.toJson(), now);
        h.attach(ActivityLog.class).record(user.id(), "article." + doneMessage(action), slug, note, now);
        return articleId;
    }

    private static int parseVersion(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1; // an edit without a version can never match, so it is treated as a conflict
        }
    }

    private static String unique(NewsroomArticleDao dao, String base, long id) {
        String slug = base;
        for (int n = 2; dao.slugTaken(slug, id) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** Adds a dated correction to a published article. Returns the form with an error when it cannot. */
    public Optional<Form> correct(User user, long id, Form form) {
        String text = form.trimmed("correction");
        if (text.isEmpty()) {
            form.error("correction", t("newsroom.errorCorrectionEmpty"));
        } else if (text.length() > CORRECTION_MAX) {
            form.error("correction", t("newsroom.errorCorrectionLong", CORRECTION_MAX));
        }
        if (!user.can(Role.EDITOR)) {
            form.error("correction", t("newsroom.errorCorrectionEditors"));
        }
        EditableArticle article = article(id).orElseThrow();
        if (!article.isLive(clock.instant())) {
            form.error("correction", t("newsroom.errorCorrectionLive"));
        }
        if (form.hasErrors()) {
            return Optional.of(form);
        }
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            h.attach(ArticleDao.class).addCorrection(id, LocalDate.ofInstant(now, ZoneOffset.UTC), text);
            h.attach(NewsroomArticleDao.class).touch(id, now);
            h.attach(ActivityLog.class).record(user.id(), "article.corrected", article.slug(), text, now);
        });
        return Optional.empty();
    }

    /** Restores an old revision's text and settings as a new save (the revision history keeps both). */
    public Optional<Long> restore(User user, long id, int number) {
        Optional<RevisionDao.Revision> revision = database.dao(RevisionDao.class).find(id, number);
        Optional<EditableArticle> current = article(id);
        if (revision.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        Snapshot old = Snapshot.fromJson(revision.get().snapshot());
        ArticleForm.Choices choices = choices();
        Form form = Form.empty()
            .set("headline", old.headline()).set("standfirst", old.standfirst()).set("kind", old.kind())
            .set("section", choices.sections().stream().filter(s -> s.slug().equals(old.section()))
                .map(s -> String.valueOf(s.id())).findFirst().orElse(""))
            .setAll("topics", choices.topics().stream().filter(t -> old.topics().contains(t.slug()))
                .map(t -> String.valueOf(t.id())).toList())
            .setAll("authors", choices.authors().stream().filter(a -> old.authors().contains(a.slug()))
                .map(a -> String.valueOf(a.id())).toList())
            .set("dateline", old.dateline()).set("language", old.language()).set("access", old.access())
            .set("body", old.body())
            .set("lead-image", choices.images().stream().filter(i -> i.name().equals(old.leadImage()))
                .map(i -> String.valueOf(i.id())).findFirst().orElse(""))
            .set("slug", current.get().slug()).set("version", String.valueOf(current.get().version()));
        Outcome outcome = save(user, id, form, Action.SAVE);
        return outcome.saved() ? Optional.of(id) : Optional.empty();
    }
}
