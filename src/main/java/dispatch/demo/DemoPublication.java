package dispatch.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import dispatch.account.Accounts;
import dispatch.account.Role;
import dispatch.account.UserDao;
import dispatch.article.ArticleDao;
import dispatch.article.BodyRenderer;
import dispatch.author.AuthorDao;
import dispatch.db.Database;
import dispatch.demo.DemoRecords.ArticleFront;
import dispatch.demo.DemoRecords.AuthorEntry;
import dispatch.demo.DemoRecords.ImageEntry;
import dispatch.demo.DemoRecords.PageFront;
import dispatch.demo.DemoRecords.SectionEntry;
import dispatch.demo.DemoRecords.StaffEntry;
import dispatch.demo.DemoRecords.TopicEntry;
import dispatch.image.ImageDao;
import dispatch.image.MediaFiles;
import dispatch.page.PageDao;
import dispatch.section.SectionDao;
import dispatch.topic.TopicDao;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the demo publication from src/main/resources/demo: sections,
 * topics, images, authors, articles, standing pages, and demo staff accounts (with generated
 * passwords, see {@link #createStaff}). It all goes in one transaction, so a
 * failure leaves the database empty and the next start tries again.
 */
public final class DemoPublication {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPublication.class);
    private static final String ROOT = "demo/";
    /** The file in the data folder that holds the demo staff's generated passwords, one "address password" a line. */
    public static final String PASSWORDS = "demo-staff-passwords.txt";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;
    private final MediaFiles media;
    private final Path dataDir;

    public DemoPublication(Database database, Path dataDir) {
        this.database = database;
        this.media = new MediaFiles(dataDir);
        this.dataDir = dataDir;
    }

    /**
     * Loads the demo publication unless the database already holds articles. Returns true if it
     * loaded. Several nodes starting at once on an empty PostgreSQL take turns, so only the
     * first loads it (see {@link Database#exclusively}).
     */
    public boolean loadIfEmpty() {
        return database.exclusively(this::loadIfStillEmpty);
    }

    private boolean loadIfStillEmpty() {
        if (database.dao(ArticleDao.class).count() > 0) {
            return false;
        }
        Map<String, MediaFiles.Stored> files = storeImages();
        database.jdbi().useTransaction(handle -> load(handle, files));
        createStaff();
        LOG.info("Loaded the demo publication into an empty database");
        return true;
    }

    /**
     * The demo staff, each with a password generated here, at random: a password printed in
     * the README would sign anyone in as the administrator of every site that forgot to turn
     * the demo off. The passwords go to {@link #PASSWORDS} in the data folder, readable by its
     * owner only; the console says where, never what.
     */
    private void createStaff() {
        Accounts accounts = new Accounts(database, java.time.Clock.systemUTC(), Accounts.realPause());
        UserDao users = database.dao(UserDao.class);
        StringBuilder file = new StringBuilder("""
            # The demo staff's passwords, generated when the demo publication was loaded.
            # Sign in at /newsroom/sign-in. Change them, or delete the accounts, before anyone else can
            # reach this site.
            """);
        int created = 0;
        for (StaffEntry s : DemoFiles.list(ROOT + "staff.yaml", new TypeReference<List<StaffEntry>>() {})) {
            if (users.findByEmail(s.email()).isEmpty()) {
                String password = newPassword();
                accounts.create(s.email(), s.name(), Role.of(s.role()).orElseThrow(), password, null);
                file.append(s.email()).append(' ').append(password).append('\n');
                created++;
            }
        }
        if (created == 0) {
            return;  // every demo address has an account already: their passwords are not ours to tell
        }
        Path path = dataDir.resolve(PASSWORDS);
        try {
            Files.deleteIfExists(path);
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
            Files.writeString(path, file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo staff's passwords to " + path, e);
        }
        LOG.info("Created the demo staff accounts; their passwords are in {} (readable by this user only)",
            path.toAbsolutePath());
    }

    /** 20 characters from 120 random bits, in letters, digits, - and _: easy to paste, impossible to guess. */
    private static String newPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private List<ImageEntry> images() {
        return DemoFiles.list(ROOT + "images.yaml", new TypeReference<>() {});
    }

    private Map<String, MediaFiles.Stored> storeImages() {
        Map<String, MediaFiles.Stored> stored = new HashMap<>();
        for (ImageEntry image : images()) {
            try (InputStream in = DemoFiles.open(ROOT + "images/" + image.file())) {
                stored.put(image.id(), media.store(image.file(), in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store demo image " + image.file(), e);
            }
        }
        return stored;
    }

    private void load(Handle handle, Map<String, MediaFiles.Stored> files) {
        Instant now = Instant.now();
        Map<String, Long> sections = new HashMap<>();
        int position = 0;
        for (SectionEntry s : DemoFiles.list(ROOT + "sections.yaml", new TypeReference<List<SectionEntry>>() {})) {
            sections.put(s.slug(), handle.attach(SectionDao.class).insert(s.slug(), s.name(), s.description(), position++));
        }
        Map<String, Long> topics = new HashMap<>();
        TopicDao topicDao = handle.attach(TopicDao.class);
        for (TopicEntry t : DemoFiles.list(ROOT + "topics.yaml", new TypeReference<List<TopicEntry>>() {})) {
            topics.put(t.slug(), topicDao.insert(t.slug(), t.name(), t.description()));
        }
        ImageDao imageDao = handle.attach(ImageDao.class);
        Map<String, Long> images = new HashMap<>();
        for (ImageEntry i : images()) {
            MediaFiles.Stored f = files.get(i.id());
            long id = imageDao.insert(i.id(), f.file(), f.mediaType(), f.width(), f.height(),
                i.decorative() ? null : i.alt(), i.decorative(), i.caption(), i.credit(), now);
            f.renditions().forEach(r -> imageDao.insertRendition(id, r.width(), r.height(), r.file()));
            images.put(i.id(), id);
        }
        AuthorDao authorDao = handle.attach(AuthorDao.class);
        Map<String, Long> authors = new HashMap<>();
        for (AuthorEntry a : DemoFiles.list(ROOT + "authors.yaml", new TypeReference<List<AuthorEntry>>() {})) {
            authors.put(a.slug(), authorDao.insert(a.slug(), a.name(), a.role(), a.bio(), lookup(images, a.portrait(), "image")));
        }
        BodyRenderer renderer = new BodyRenderer(imageDao::findByName);
        ArticleDao articleDao = handle.attach(ArticleDao.class);
        for (String name : DemoFiles.names(ROOT + "articles", ".md")) {
            var doc = DemoFiles.document(ROOT + "articles/" + name, ArticleFront.class);
            ArticleFront a = doc.front();
            var body = renderer.render(doc.body());
            long id = articleDao.insert(a.slug(), a.kind(), lookup(sections, a.section(), "section"), a.headline(),
                a.standfirst(), a.dateline(), a.language() == null ? "en" : a.language(), doc.body(), body.html(),
                body.freeText(), body.wordCount(), a.image() == null ? null : lookup(images, a.image(), "image"),
                "published",
                a.access() == null ? "free" : a.access(), a.published(), a.updated(), now);
            int order = 0;
            for (String author : a.authors()) {
                authorDao.credit(id, lookup(authors, author, "author"), order++);
            }
            for (String topic : a.topics() == null ? List.<String>of() : a.topics()) {
                topicDao.tag(id, lookup(topics, topic, "topic"));
            }
            if (a.corrections() != null) {
                a.corrections().forEach(c -> articleDao.addCorrection(id, c.date(), c.text()));
            }
        }
        // Translations name their original by slug; link them once every article exists.
        for (String name : DemoFiles.names(ROOT + "articles", ".md")) {
            ArticleFront a = DemoFiles.document(ROOT + "articles/" + name, ArticleFront.class).front();
            if (a.translationOf() != null) {
                articleDao.markTranslation(a.slug(), a.translationOf());
            }
        }
        PageDao pageDao = handle.attach(PageDao.class);
        for (String name : DemoFiles.names(ROOT + "pages", ".md")) {
            var doc = DemoFiles.document(ROOT + "pages/" + name, PageFront.class);
            pageDao.insert(doc.front().slug(), doc.front().title(), doc.front().summary(),
                renderer.render(doc.body()).html(), now);
        }
    }

    private static Long lookup(Map<String, Long> ids, String key, String what) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("the demo publication names an unknown " + what + ": " + key);
        }
        return id;
    }
}
