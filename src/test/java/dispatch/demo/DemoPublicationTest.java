package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo publication is complete, honest about its images, and loaded once only. */
@Tag("postgresql")
class DemoPublicationTest {
    private final TestSite site = TestSite.demo();
    private final Jdbi jdbi = site.database().jdbi();

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void has_the_size_the_publication_promises() {
        assertTrue(count("SELECT COUNT(*) FROM articles WHERE status = 'published'") >= 40);
        assertTrue(count("SELECT COUNT(*) FROM sections") >= 6);
        assertTrue(count("SELECT COUNT(*) FROM authors") >= 8);
        assertTrue(count("SELECT COUNT(*) FROM images") >= 20);
        for (String kind : List.of("news", "analysis", "opinion", "memo", "report")) {
            assertTrue(count("SELECT COUNT(*) FROM articles WHERE kind = '" + kind + "'") >= 2, kind);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM sections s WHERE NOT EXISTS "
            + "(SELECT 1 FROM articles a WHERE a.section_id = s.id)"), "every section has articles");
        assertEquals(0, count("SELECT COUNT(*) FROM authors w WHERE NOT EXISTS "
            + "(SELECT 1 FROM article_authors a WHERE a.author_id = w.id)"), "every author has articles");
        assertEquals(0, count("SELECT COUNT(*) FROM articles WHERE kind IN ('memo', 'report') AND access <> 'members'"));
    }

    @Test
    void includes_the_pieces_every_page_type_needs() {
        assertTrue(count("SELECT COUNT(*) FROM articles WHERE body_html LIKE '%<table%'") >= 2, "data tables");
        assertTrue(count("SELECT COUNT(*) FROM articles WHERE body_html LIKE '%<table%' "
            + "AND body_html LIKE '%<figure%'") >= 1, "a chart with its data in text");
        assertTrue(count("SELECT COUNT(*) FROM articles WHERE body_html LIKE '% lang=\"%'") >= 4, "other languages");
        assertTrue(count("SELECT COUNT(*) FROM corrections") >= 1);
        assertTrue(count("SELECT COUNT(*) FROM articles WHERE headline LIKE '%Nakhchivan%'") == 1, "the model page");
    }

    @Test
    void every_image_is_a_real_file_with_honest_alt_text_a_caption_and_a_credit() throws Exception {
        var images = jdbi.withHandle(h -> h.createQuery(
            "SELECT file, width, height, alt, caption, credit FROM images").mapToMap().list());
        for (Map<String, Object> image : images) {
            String alt = (String) image.get("alt");
            assertFalse(alt == null || alt.isBlank(), image.toString());
            assertFalse(alt.toLowerCase().startsWith("image of") || alt.toLowerCase().startsWith("photo of"), alt);
            assertFalse(alt.matches(".*\\.(png|jpe?g|webp)$"), "alt text is not a file name: " + alt);
            assertFalse(alt.equals(image.get("caption")), "alt text does not repeat the caption: " + alt);
            assertFalse(((String) image.get("caption")).isBlank());
            assertFalse(((String) image.get("credit")).isBlank());
            Path file = site.dataDir().resolve("media").resolve((String) image.get("file"));
            BufferedImage read = ImageIO.read(file.toFile());
            assertEquals(((Number) image.get("width")).intValue(), read.getWidth(), file.toString());
            assertEquals(((Number) image.get("height")).intValue(), read.getHeight(), file.toString());
        }
        assertTrue(count("SELECT COUNT(*) FROM image_renditions") >= 20, "smaller copies for srcset");
    }

    @Test
    void loads_only_into_an_empty_database() {
        int before = count("SELECT COUNT(*) FROM articles");
        assertFalse(new DemoPublication(site.database(), site.dataDir()).loadIfEmpty());
        assertEquals(before, count("SELECT COUNT(*) FROM articles"));
        if (!dispatch.support.TestDatabase.postgresql()) {
            assertTrue(Files.exists(site.dataDir().resolve("dispatch.db")));
        }
    }
}
