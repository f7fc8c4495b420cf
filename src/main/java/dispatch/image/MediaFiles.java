package dispatch.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * The media folder under the data folder, where image files and their smaller renditions live.
 * Renditions are made with Thumbnailator; the widths suit a single-column article page on
 * phones, tablets and desktops, at 1x and 2x density.
 */
public final class MediaFiles {
    static final int[] RENDITION_WIDTHS = {480, 800, 1200};
    /**
     * The most pixels an image may have: 40 megapixels (a 7,700 × 5,200 photograph) decode to
     * 160 MB of memory. The size is read from the file's header, before anything is decoded,
     * since a small file can describe a huge image.
     */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Images decoded at once: each may take a few hundred megabytes of memory while it is worked on. */
    static final int DECODING_AT_ONCE = 2;
    private final Path folder;
    private final Semaphore decoding;
    private final Duration wait;

    public MediaFiles(Path dataDir) {
        this(dataDir, DECODING_AT_ONCE, Duration.ofSeconds(10));
    }

    /** {@code atOnce} images decoded at the same time; another waits up to {@code wait} for its turn. */
    public MediaFiles(Path dataDir, int atOnce, Duration wait) {
        this.folder = dataDir.resolve("media");
        this.decoding = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    /** Every decoding turn is taken and none came free in time: the caller says "try again shortly". */
    public static final class Busy extends IOException {
        Busy() {
            super("other images are being decoded; none could be decoded in time");
        }
    }

    /** Too many pixels (see {@link #MAX_PIXELS}), read from the header. */
    public static final class TooManyPixels extends IOException {
        TooManyPixels(long pixels) {
            super("the image has " + pixels + " pixels, more than " + MAX_PIXELS);
        }
    }

    public Path folder() {
        return folder;
    }

    public static String url(String file) {
        return "/media/" + file;
    }

    /** JPEG has no transparency: draw the image on white first. */
    private static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** A stored image file: its name in the media folder and its pixel size. */
    public record Stored(String file, String mediaType, int width, int height, List<Image.Rendition> renditions) {}

    /**
     * Copies an image into the media folder and makes its renditions, once a decoding turn is free
     * (waiting for one at most the configured time, then {@link Busy}).
     */
    public Stored store(String name, InputStream content) throws IOException {
        try {
            if (!decoding.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return decodeAndStore(name, content);
        } finally {
            decoding.release();
        }
    }

    private Stored decodeAndStore(String name, InputStream content) throws IOException {
        Files.createDirectories(folder);
        BufferedImage image = decode(name, content);
        String format = name.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpg";
        if (format.equals("jpg") && image.getColorModel().hasAlpha()) {
            image = flatten(image);
        }
        String stem = name.replaceAll("\\.[A-Za-z]+$", "");
        String file = stem + "." + format;
        // Writing through ImageIO (rather than copying bytes) drops any metadata the file carried.
        ImageIO.write(image, format, folder.resolve(file).toFile());
        List<Image.Rendition> renditions = new ArrayList<>();
        for (int width : RENDITION_WIDTHS) {
            if (width < image.getWidth()) {
                int height = Math.round((float) image.getHeight() * width / image.getWidth());
                String smaller = stem + "-" + width + "." + format;
                Thumbnails.of(image).size(width, height).outputFormat(format).toFile(folder.resolve(smaller).toFile());
                renditions.add(new Image.Rendition(width, height, smaller));
            }
        }
        String type = format.equals("png") ? "image/png" : "image/jpeg";
        return new Stored(file, type, image.getWidth(), image.getHeight(), renditions);
    }

    /** Reads the size from the header and refuses too many pixels before decoding anything. */
    private static BufferedImage decode(String name, InputStream content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image Dispatch can read: " + name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new TooManyPixels(pixels);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
