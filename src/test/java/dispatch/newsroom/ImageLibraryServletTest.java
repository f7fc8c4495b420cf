package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class ImageLibraryServletTest {
    private final TestSite site = TestSite.newsroom();

    @Test
    void an_upload_is_stored_with_its_size_and_smaller_copies_and_can_wait_for_its_description() throws Exception {
        Browsing browser = EditorServletTest.editor(site);
        HttpResponse<String> r = browser.upload("/newsroom/images", "file", "Market stalls.PNG",
            EditorServletTest.png(1300, 700), Map.of("alt", "", "caption", "", "credit", ""));
        assertEquals(303, r.statusCode(), r.body());
        var row = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id, name, file, width, height, alt FROM images WHERE name LIKE 'market-stalls%' ORDER BY id DESC LIMIT 1")
            .mapToMap().one());
        assertEquals(1300, ((Number) row.get("width")).intValue());
        assertEquals(null, row.get("alt"));
        BufferedImage stored = ImageIO.read(site.dataDir().resolve("media").resolve((String) row.get("file")).toFile());
        assertEquals(700, stored.getHeight());
        int renditions = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM image_renditions WHERE image_id = :id").bind("id", row.get("id")).mapTo(Integer.class).one());
        assertEquals(3, renditions, "480, 800 and 1200 pixels wide");

        Document library = browser.page("/newsroom/images");
        assertTrue(library.text().contains("Needs alt text."));
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_whatever_its_name() {
        Browsing browser = EditorServletTest.editor(site);
        HttpResponse<String> r = browser.upload("/newsroom/images", "file", "photo.png",
            "<?php echo 'not an image'; ?>".getBytes(StandardCharsets.UTF_8), Map.of("alt", "Some words"));
        assertEquals(422, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertNotNull(doc.selectFirst(".app-error-summary a[href=#file]"));
        assertEquals("Some words", doc.selectFirst("textarea#alt").text(), "the description typed is kept");
    }

    @Test
    void a_decorative_image_cannot_also_have_alt_text() throws Exception {
        Browsing browser = EditorServletTest.editor(site);
        HttpResponse<String> r = browser.upload("/newsroom/images", "file", "border.png", EditorServletTest.png(300, 20),
            Map.of("alt", "A thin orange line", "decorative", "yes"));
        assertEquals(422, r.statusCode());
        assertNotNull(Jsoup.parse(r.body()).selectFirst(".app-error-summary a[href=#alt]"));
    }
}
