package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.image.MediaFiles;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's pixels are budgeted from its header, before anything is decoded: a small file that
 * describes a huge picture is refused at once, with little memory; and only a few images are
 * decoded at the same time.
 */
@Tag("postgresql")
class ImageBudgetTest {
    private final TestSite site = TestSite.newsroom();

    @Test
    void a_small_file_of_a_huge_picture_is_refused_from_its_header_quickly_with_little_memory() throws Exception {
        byte[] png = blackAndWhitePng(10_000, 10_000);
        assertTrue(png.length < 100_000, "a few kilobytes on disk: " + png.length);
        Browsing staff = StaffSession.administrator(site);
        int before = images();

        long allocatedBefore = allocatedByAllThreads();
        long start = System.nanoTime();
        HttpResponse<String> r = staff.upload("/newsroom/images", "file", "huge.png", png, Map.of("alt", "A huge picture"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedByAllThreads() - allocatedBefore;

        assertEquals(422, r.statusCode(), r.body());
        Document page = Jsoup.parse(r.body());
        assertNotNull(page.selectFirst(".app-error-summary a[href=#file]"), "the error summary links to the file field");
        assertTrue(page.selectFirst(".app-error-summary").text().contains("40 megapixels"), page.selectFirst(".app-error-summary").text());
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertEquals("A huge picture", page.selectFirst("textarea#alt").text(), "what was typed is kept");
        assertEquals(before, images(), "nothing stored");
        assertTrue(millis < 3_000, "refused from the header, not decoded: " + millis + " ms");
        assertTrue(allocated < 200L * 1024 * 1024, "decoding 100 megapixels takes far more: " + allocated / (1024 * 1024) + " MB");
    }

    @Test
    void an_image_within_the_budget_is_still_stored() throws Exception {
        Browsing staff = StaffSession.administrator(site);
        BufferedImage image = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        assertEquals(303, staff.upload("/newsroom/images", "file", "fine.png", png.toByteArray(), Map.of("alt", "Fine"))
            .statusCode());
    }

    @Test
    void only_so_many_images_are_decoded_at_once_and_the_next_is_told_to_wait(@TempDir Path dir) throws Exception {
        MediaFiles media = new MediaFiles(dir, 1, Duration.ofMillis(300));
        byte[] png = smallPng();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A first upload whose bytes arrive slowly holds the only decoding turn meanwhile.
        InputStream slow = new InputStream() {
            private final InputStream bytes = new ByteArrayInputStream(png);

            @Override
            public int read() throws IOException {
                hold();
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                hold();
                return bytes.read(b, off, len);
            }

            private void hold() {
                reading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<MediaFiles.Stored> first = CompletableFuture.supplyAsync(() -> {
            try {
                return media.store("first.png", slow);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        assertThrows(MediaFiles.Busy.class, () -> media.store("second.png", new ByteArrayInputStream(png)));
        release.countDown();
        assertEquals("first.png", first.get(10, TimeUnit.SECONDS).file());
        assertEquals("third.png", media.store("third.png", new ByteArrayInputStream(png)).file(), "the turn is free again");
        assertTrue(Files.exists(dir.resolve("media/third.png")));
    }

    @Test
    void the_media_files_refuse_too_many_pixels_whoever_calls_them(@TempDir Path dir) throws Exception {
        MediaFiles media = new MediaFiles(dir);
        assertThrows(MediaFiles.TooManyPixels.class,
            () -> media.store("huge.png", new ByteArrayInputStream(blackAndWhitePng(8_000, 8_000))));
    }

    private int images() {
        return site.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images").mapTo(Integer.class).one());
    }

    private static byte[] smallPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /**
     * A valid PNG, one bit a pixel, all black: a picture of any size in a few kilobytes, written
     * chunk by chunk (signature, IHDR, one IDAT of deflated rows, IEND), each with its CRC.
     */
    static byte[] blackAndWhitePng(int width, int height) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0});  // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        chunk(file, "IHDR", header.toByteArray());
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(rows, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + (width + 7) / 8];  // filter type 0, then the row's bits
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        chunk(file, "IDAT", rows.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** Bytes allocated so far by every live thread of this JVM, the server's included. */
    private static long allocatedByAllThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(n -> n > 0).sum();
    }
}
