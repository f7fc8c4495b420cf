package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.account.User;
import dispatch.activity.ActivityLog;
import dispatch.article.ArticleDao;
import dispatch.article.BodyRenderer;
import dispatch.author.Author;
import dispatch.author.AuthorDao;
import dispatch.check.Finding;
import dispatch.db.Database;
import dispatch.image.ImageDao;
import dispatch.newsroom.Permissions.Action;
import dispatch.newsroom.PublicationChecks.Warnings;
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
 * all. Who may do what is {@link Permissions}'; every change that readers will see passes
 * {@link PublicationChecks} first: errors stop it, warnings must be acknowledged. A change to a
 * published or scheduled article by someone who may not change what readers see is kept as a
 * suggested revision for an editor, and the article stays as it is.
 */
public final class ArticleEditor {
    static final int CORRECTION_MAX = 2000;
    /** What the editor asked for, by the button they pressed. */
    public enum Command { SAVE, PUBLISH, SCHEDULE, UNPUBLISH }

    /**
     * The result of a save: {@code form} is null when it succeeded.
     *
     * @param forbidden the role may not do what was asked (the form says why)
     */
    public record Outcome(Long id, String done, Form form, List<Finding> findings, boolean conflict, boolean forbidden) {
        public boolean saved() {
            return form == null;
        }

        public int status() {
            return forbidden ? 403 : conflict ? 409 : 422;
        }

        static Outcome refused(Long id, Form form, List<Finding> findings) {
            return new Outcome(id, null, form, findings, false, false);
        }
    }

    private final Database database;
    private final Clock clock;
    private final PublicationChecks checks;

    public ArticleEditor(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.checks = new PublicationChecks(database);
    }

    ArticleForm.Choices choices() {
        return new ArticleForm.Choices(database.dao(SectionDao.class).all(), database.dao(TopicDao.class).all(),
            database.dao(AuthorDao.class).all(), database.dao(ImageDao.class).all());
    }

    PublicationChecks checks() {
        return checks;
    }

    /** The checks' findings for what the form holds now (nothing when the form cannot be read). */
    List<Finding> findings(Form form) {
        return checks.of(form);
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

    /**
     * The form holding a revision's text and settings, to be saved over the article as it is now
     * (its version); for a suggested change, it names the suggestion, so saving it applies it.
     */
    Optional<Form> load(long id, int number) {
        Optional<RevisionDao.Revision> revision = database.dao(RevisionDao.class).find(id, number);
        Optional<EditableArticle> current = article(id);
        if (revision.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        Snapshot old = Snapshot.fromJson(revision.get().snapshot());
        ArticleForm.Choices choices = choices();
        return Optional.of(Form.empty()
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
            .set("slug", current.get().slug()).set("version", String.valueOf(current.get().version()))
            .set("suggestion", revision.get().isPending() ? String.valueOf(number) : ""));
    }

    Optional<EditableArticle> article(long id) {
        return database.dao(NewsroomArticleDao.class).find(id);
    }

    /** Suggested changes to the article waiting for an editor, the latest first. */
    List<RevisionDao.Revision> suggestions(long id) {
        return database.dao(RevisionDao.class).pending(id);
    }

    /** The revision readers get now (the latest saved to the article itself), if any was recorded. */
    Optional<Integer> currentRevision(long id) {
        return database.dao(RevisionDao.class).current(id);
    }

    /** The permission a command needs on this article (null for a new one). */
    private static Action needed(Command command, Optional<EditableArticle> before) {
        return switch (command) {
            case PUBLISH -> Action.PUBLISH;
            case SCHEDULE -> Action.SCHEDULE;
            case UNPUBLISH -> Action.UNPUBLISH;
            case SAVE -> before.isEmpty() ? Action.CREATE_DRAFT
                : before.get().reachesReaders() ? Action.CHANGE_LIVE : Action.EDIT_DRAFT;
        };
    }

    /** True when a save of this article by this user is kept as a suggestion for an editor. */
    private static boolean suggests(User user, Optional<EditableArticle> article) {
        return article.isPresent() && article.get().reachesReaders() && !Permissions.allows(user, Action.CHANGE_LIVE)
            && Permissions.allows(user, Action.SUGGEST_CHANGE);
    }

    /** Saves a new article ({@code id} null) or an edit, then does what {@code command} asks. */
    public Outcome save(User user, Long id, Form form, Command command) {
        Optional<EditableArticle> before = id == null ? Optional.empty() : article(id);
        Action needed = needed(command, before);
        boolean suggesting = needed == Action.CHANGE_LIVE && suggests(user, before);
        if (!suggesting && !Permissions.allows(user, needed)) {
            form.error("headline", t("newsroom.errorOnlyEditors"));
            return new Outcome(id, null, form, findings(form), false, true);
        }
        Optional<ArticleForm.Input> read = ArticleForm.read(form, choices(), command == Command.SCHEDULE);
        List<Finding> findings = findings(form);
        if (read.isEmpty()) {
            return Outcome.refused(id, form, findings);
        }
        // What readers will get: publishing, scheduling, and saving an article they get or will get.
        boolean reachesReaders = command == Command.PUBLISH || command == Command.SCHEDULE
            || (needed == Action.CHANGE_LIVE && !suggesting);
        if (reachesReaders && !checks.admit(form, findings, Warnings.MUST_BE_ACKNOWLEDGED)) {
            return Outcome.refused(id, form, findings);
        }
        ArticleForm.Input input = read.get();
        Instant now = clock.instant();
        try {
            if (suggesting) {
                String base = currentRevision(id).isPresent() ? null : liveSnapshot(before.get());
                database.jdbi().useTransaction(h -> suggest(h, user, before.get(), form, input, base, now));
                return new Outcome(id, "suggested", null, findings, false, false);
            }
            long saved = database.jdbi().inTransaction(h -> write(h, user, id, form, input, command, now));
            return new Outcome(saved, doneMessage(command), null, findings, false, false);
        } catch (Conflict e) {
            form.error("headline", t("newsroom.errorConflict"));
            return new Outcome(id, null, form, findings, true, false);
        } catch (SlugTaken e) {
            form.error("slug", t("newsroom.errorSlugTaken"));
            return Outcome.refused(id, form, findings);
        }
    }

    private static String doneMessage(Command command) {
        return switch (command) {
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

    /**
     * Keeps a change to a published or scheduled article as a suggestion: a revision marked
     * pending, with the article itself untouched. It builds on the suggestion the form was
     * opened from; if the article or the suggestions changed since, it is a conflict, as for a save.
     */
    private void suggest(Handle h, User user, EditableArticle article, Form form, ArticleForm.Input in, String base,
                         Instant now) {
        RevisionDao revisions = h.attach(RevisionDao.class);
        String latest = revisions.pending(article.id()).stream().findFirst().map(r -> String.valueOf(r.number())).orElse("");
        if (parseVersion(form.value("version")) != article.version() || !latest.equals(form.value("suggestion"))) {
            throw new Conflict();
        }
        if (base != null && revisions.current(article.id()).isEmpty()) {
            revisions.add(article.id(), null, "Published version", base, now);
        }
        String note = "Suggested change, waiting for an editor's review";
        revisions.add(article.id(), user.id(), note, snapshot(in, article.status(), article.publishedAt()).toJson(), now,
            "pending");
        h.attach(ActivityLog.class).record(user.id(), "article.suggested", article.slug(), note, now);
    }

    /**
     * What readers get now, as a revision's snapshot: for an article published before revisions
     * were kept (the demo's, say), recorded with the first suggestion so that it can be compared.
     */
    private String liveSnapshot(EditableArticle article) {
        return ArticleForm.read(load(article.id()).orElseThrow(), choices(), false)
            .map(shown -> snapshot(shown, article.status(), article.publishedAt()).toJson()).orElse(null);
    }

    private static Snapshot snapshot(ArticleForm.Input in, String status, Instant publishedAt) {
        return new Snapshot(in.headline(), in.standfirst(), in.kind(), in.section().slug(),
            in.topics().stream().map(Topic::slug).toList(), in.authors().stream().map(Author::slug).toList(),
            in.dateline(), in.language(), in.access(), in.body(), in.leadImage() == null ? null : in.leadImage().name(),
            status, publishedAt == null ? null : publishedAt.toString());
    }

    private long write(Handle h, User user, Long id, Form form, ArticleForm.Input in, Command action, Instant now) {
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
        RevisionDao revisions = h.attach(RevisionDao.class);
        String suggestion = form.value("suggestion");
        if (id != null && suggestion.matches("[1-9][0-9]{0,8}") && revisions.apply(id, Integer.parseInt(suggestion)) > 0) {
            note += ", with the suggested change of revision " + suggestion;
        }
        revisions.add(articleId, user.id(), note, snapshot(in, status, publishedAt).toJson(), now);
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

    /**
     * Adds a dated correction to a published article. Readers get the article with it, so the
     * article must pass the checks' errors as it stands. Returns the form with an error when it
     * cannot, and whether the reason is the role.
     */
    public Optional<Form> correct(User user, long id, Form form) {
        if (!Permissions.allows(user, Action.ISSUE_CORRECTION)) {
            return Optional.of(form.error("correction", t("newsroom.errorCorrectionEditors")));
        }
        String text = form.trimmed("correction");
        if (text.isEmpty()) {
            form.error("correction", t("newsroom.errorCorrectionEmpty"));
        } else if (text.length() > CORRECTION_MAX) {
            form.error("correction", t("newsroom.errorCorrectionLong", CORRECTION_MAX));
        }
        EditableArticle article = article(id).orElseThrow();
        if (!article.isLive(clock.instant())) {
            form.error("correction", t("newsroom.errorCorrectionLive"));
        }
        if (form.hasErrors() || !checks.admit(form, findings(load(id).orElseThrow()), Warnings.SHOWN_ONLY)) {
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

    /**
     * Restores an old revision's text and settings as a new save (the revision history keeps
     * both), by the same rules as a save: on a published article, a contributor's restore is a
     * suggestion, and an editor's must pass the checks. Empty when the revision does not exist.
     */
    public Optional<Outcome> restore(User user, long id, int number) {
        Optional<Form> form = load(id, number);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        if (!Permissions.allows(user, Action.RESTORE_REVISION)) {
            form.get().error("headline", t("newsroom.errorOnlyEditors"));
            return Optional.of(new Outcome(id, null, form.get(), findings(form.get()), false, true));
        }
        if (suggests(user, article(id))) {
            // A restore starts from the article as it is now, as a Save does from the form, which
            // for someone who may only suggest holds their latest suggestion: the restored text
            // then follows the suggestion waiting for an editor instead of meeting it as a conflict.
            form.get().set("suggestion", suggestions(id).stream().findFirst()
                .map(r -> String.valueOf(r.number())).orElse(""));
        }
        Outcome outcome = save(user, id, form.get(), Command.SAVE);
        return Optional.of(outcome.saved() && !"suggested".equals(outcome.done())
            ? new Outcome(id, "restored", null, outcome.findings(), false, false) : outcome);
    }
}
