package dispatch.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * The media folder under the data folder, where image files and their smaller renditions live.
 * Renditions are made with Thumbnailator; the widths suit a single-column article page on
 * phones, tablets and desktops, at 1x and 2x density.
 */
public final class MediaFiles {
    static final int[] RENDITION_WIDTHS = {480, 800, 1200};
    private final Path folder;

    public MediaFiles(Path dataDir) {
        this.folder = dataDir.resolve("media");
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

    /** Copies an image into the media folder and makes its renditions. */
    public Stored store(String name, InputStream content) throws IOException {
        Files.createDirectories(folder);
        BufferedImage image = ImageIO.read(content);
        if (image == null) {
            throw new IOException("not an image Dispatch can read: " + name);
        }
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
}
