package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.image.MediaFiles;
import dispatch.web.Form;
import dispatch.web.Layout;
import jakarta.servlet.ServletException;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /newsroom/images: the image library and its upload form; /newsroom/images/ID: describing an
 * image (alt text or "decorative", caption, credit). Uploads are re-encoded, which strips any
 * metadata (camera, location) they carried, and get smaller copies for responsive pages. A new
 * image never changes a published page; describing one that published or scheduled articles
 * show does, so it is for editors and must not bring those articles a checks' error.
 */
public final class ImageLibraryServlet extends HttpServlet {
    private final NewsroomPages pages;
    private final Database database;
    private final MediaFiles media;
    private final Clock clock;
    private final PublicationChecks checks;

    public ImageLibraryServlet(NewsroomPages pages, Database database, MediaFiles media, Clock clock) {
        this.pages = pages;
        this.database = database;
        this.media = media;
        this.clock = clock;
        this.checks = new PublicationChecks(database);
    }

    /** The library, with the upload form. */
    public record LibraryPage(Layout layout, Staff staff, List<Image> images, Form form, String done) {}

    /** One image's description form. */
    public record ImagePage(Layout layout, Staff staff, Image image, Form form, String done) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("images");
        String done = "saved".equals(request.getParameter("done")) ? t("newsroom.imageSaved") : null;
        if (request.getPathInfo() == null || request.getPathInfo().equals("/")) {
            library(response, HttpServletResponse.SC_OK, staff, Form.empty(), done);
            return;
        }
        Optional<Image> image = image(request);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Image i = image.get();
        Form form = Form.empty().set("alt", i.alt()).set("caption", i.caption()).set("credit", i.credit())
            .set("decorative", i.decorative() ? "yes" : "");
        describe(response, HttpServletResponse.SC_OK, staff, i, form, done);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Staff staff = Staff.of(request).in("images");
        if (request.getPathInfo() == null || request.getPathInfo().equals("/")) {
            if (!staff.may(Permissions.Action.UPLOAD_IMAGE)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            upload(request, response, staff);
            return;
        }
        Optional<Image> image = image(request);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Form form = Form.from(request);
        boolean shown = !checks.showing(image.get()).isEmpty();
        if (!staff.may(shown ? Permissions.Action.DESCRIBE_PUBLISHED_IMAGE : Permissions.Action.DESCRIBE_IMAGE)) {
            form.error("alt", t(shown ? "newsroom.errorImagePublished" : "newsroom.errorOnlyEditors"));
            describe(response, HttpServletResponse.SC_FORBIDDEN, staff, image.get(), form, null);
            return;
        }
        Description d = Description.read(form);
        if (form.hasErrors()) {
            describe(response, 422, staff, image.get(), form, null);
            return;
        }
        Image i = image.get();
        Image after = new Image(i.id(), i.name(), i.file(), i.mediaType(), i.width(), i.height(), d.alt(), d.decorative(),
            d.caption(), d.credit(), i.renditions());
        if (!checks.admitImage(form, i, after)) {
            describe(response, 422, staff, i, form, null);
            return;
        }
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            ImageDao images = h.attach(ImageDao.class);
            images.describe(image.get().id(), d.alt(), d.decorative(), d.caption(), d.credit());
            // Figures in articles' text were rendered when saved: those readers get show the new words now.
            NewsroomArticleDao articles = h.attach(NewsroomArticleDao.class);
            var renderer = new dispatch.article.BodyRenderer(images::findByName);
            for (EditableArticle article : articles.showingImage(i.id(), "%image:" + i.name() + "%")) {
                articles.rerender(article.id(), renderer.render(article.bodyMarkdown()).html(), now);
            }
            h.attach(ActivityLog.class).record(staff.user().id(), "image.described", image.get().name(),
                d.decorative() ? "decorative" : d.alt(), now);
        });
        Redirect.seeOther(response, "/newsroom/images/" + image.get().id() + "?done=saved");
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, Staff staff)
            throws IOException, ServletException {
        Form form = Form.from(request);
        Part file = null;
        try {
            // A form sent without its file part (not multipart at all) simply has no file.
            String type = request.getContentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                file = request.getPart("file");
            }
        } catch (IllegalStateException | ServletException e) {
            // The container refused a file over the size limit before we saw it.
            form.error("file", t("newsroom.errorFileTooBig", 10));
            library(response, 413, staff, form, null);
            return;
        }
        Description d = Description.read(form);
        Optional<ImageUpload.Kind> kind = Optional.empty();
        if (file == null || file.getSize() == 0) {
            form.error("file", t("newsroom.errorFileMissing"));
        } else if (file.getSize() > ImageUpload.MAX_BYTES) {
            form.error("file", t("newsroom.errorFileTooBig", 10));
        } else {
            try (InputStream in = file.getInputStream()) {
                kind = ImageUpload.inspect(in);
            }
            if (kind.isEmpty()) {
                form.error("file", t("newsroom.errorFileType"));
            } else if (kind.get().width() > ImageUpload.MAX_PIXELS_A_SIDE || kind.get().height() > ImageUpload.MAX_PIXELS_A_SIDE) {
                form.error("file", t("newsroom.errorImageSize", String.valueOf(ImageUpload.MAX_PIXELS_A_SIDE)));
            } else if (kind.get().pixels() > ImageUpload.MAX_PIXELS) {
                form.error("file", t("newsroom.errorImagePixels", ImageUpload.MAX_PIXELS / 1_000_000));
            }
        }
        if (form.hasErrors()) {
            library(response, 422, staff, form, null);
            return;
        }
        ImageDao images = database.dao(ImageDao.class);
        String base = ImageUpload.nameFrom(file.getSubmittedFileName());
        String name = base;
        // Never a name that a published or scheduled article already names: the upload would appear
        // there, unchecked, and a new image is not meant to change what readers see.
        NewsroomArticleDao articles = database.dao(NewsroomArticleDao.class);
        for (int n = 2; images.findByName(name).isPresent() || articles.namingImage(name) > 0; n++) {
            name = base + "-" + n;
        }
        MediaFiles.Stored stored;
        try (InputStream in = file.getInputStream()) {
            stored = media.store(name + kind.get().storedExtension(), in);
        } catch (MediaFiles.Busy e) {
            // Only so many images are decoded at once (each takes a lot of memory): say when to retry.
            form.error("file", t("newsroom.errorImageBusy"));
            response.setHeader("Retry-After", "30");
            library(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, staff, form, null);
            return;
        }
        Instant now = clock.instant();
        String imageName = name;
        long id = database.jdbi().inTransaction(h -> {
            ImageDao dao = h.attach(ImageDao.class);
            long created = dao.insert(imageName, stored.file(), stored.mediaType(), stored.width(), stored.height(),
                d.alt(), d.decorative(), d.caption(), d.credit(), now);
            stored.renditions().forEach(r -> dao.insertRendition(created, r.width(), r.height(), r.file()));
            h.attach(ActivityLog.class).record(staff.user().id(), "image.uploaded", imageName,
                stored.width() + "×" + stored.height(), now);
            return created;
        });
        Redirect.seeOther(response, "/newsroom/images/" + id + "?done=saved");
    }

    private Optional<Image> image(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || !info.matches("/[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return database.dao(ImageDao.class).find(Long.parseLong(info.substring(1)));
    }


    private void library(HttpServletResponse response, int status, Staff staff, Form form, String done) throws IOException {
        pages.templates().send(response, status, "newsroom/images.jte", new LibraryPage(
            pages.layout(t("newsroom.imagesTitle"), "/newsroom/images", form), staff, database.dao(ImageDao.class).all(), form, done));
    }

    private void describe(HttpServletResponse response, int status, Staff staff, Image image, Form form, String done)
            throws IOException {
        Layout layout = pages.layout(t("newsroom.describeTitle", image.name()), "/newsroom/images/" + image.id(), form)
            .withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"), new Layout.Crumb(t("newsroom.imagesTitle"), "/newsroom/images"));
        pages.templates().send(response, status, "newsroom/image.jte", new ImagePage(layout, staff, image, form, done));
    }

    /** The describing fields, read and checked. */
    record Description(String alt, boolean decorative, String caption, String credit) {
        static Description read(Form form) {
            String alt = form.trimmed("alt");
            boolean decorative = form.checked("decorative");
            if (decorative && !alt.isEmpty()) {
                form.error("alt", t("newsroom.errorDecorativeAlt"));
            }
            if (alt.length() > 1000) {
                form.error("alt", t("newsroom.errorAltLong", 1000));
            }
            if (form.trimmed("caption").length() > 1000) {
                form.error("caption", t("newsroom.errorCaptionLong", 1000));
            }
            if (form.trimmed("credit").length() > 200) {
                form.error("credit", t("newsroom.errorCreditLong", 200));
            }
            return new Description(alt.isEmpty() ? null : alt, decorative, blankToNull(form.trimmed("caption")),
                blankToNull(form.trimmed("credit")));
        }

        private static String blankToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}
