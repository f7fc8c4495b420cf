package dispatch.newsroom;

import dispatch.image.MediaFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded file before anything is stored: its type is read from its content (not
 * its name or the browser's word), and its pixel size is read from its header before it is
 * decoded, so a small file that would decode to a huge image is refused cheaply: no side over
 * 10,000 pixels, and no more than {@link MediaFiles#MAX_PIXELS} in all.
 */
public final class ImageUpload {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PIXELS_A_SIDE = 10_000;
    static final long MAX_PIXELS = MediaFiles.MAX_PIXELS;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

    /** What the content turned out to be: "jpeg", "png" or "webp", with its size. */
    record Kind(String format, int width, int height) {
        long pixels() {
            return (long) width * height;
        }

        /** The format Dispatch stores it in: PNG stays PNG (drawings, charts); photographs become JPEG. */
        String storedExtension() {
            return format.equals("png") ? ".png" : ".jpg";
        }
    }

    /** The image's kind, or empty when it is not a JPEG, PNG or WebP image Dispatch can read. */
    static Optional<Kind> inspect(InputStream content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                    if (!FORMATS.contains(format)) {
                        continue;
                    }
                    reader.setInput(in);
                    return Optional.of(new Kind(format, reader.getWidth(0), reader.getHeight(0)));
                } finally {
                    reader.dispose();
                }
            }
            return Optional.empty();
        }
    }

    /** A library name from a file name: "Protest in Tbilisi.JPG" becomes "protest-in-tbilisi". */
    static String nameFrom(String fileName) {
        String stem = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]+$", "");
        return ArticleForm.slugFrom(stem.isBlank() ? "image" : stem);
    }

    private ImageUpload() {}
}
