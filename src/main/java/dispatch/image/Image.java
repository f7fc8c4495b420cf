package dispatch.image;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image in the library. {@code alt} may be null while an upload waits to be described;
 * the publishing checks refuse any article that would show such an image.
 */
public record Image(long id, String name, String file, String mediaType, int width, int height,
                    String alt, boolean decorative, String caption, String credit,
                    List<Rendition> renditions) {

    /** A smaller copy of the image, for srcset. */
    public record Rendition(int width, int height, String file) {}

    /** The alt attribute's value: empty for a decorative image, so screen readers skip it. */
    public String altText() {
        return decorative || alt == null ? "" : alt;
    }

    /** True when the image either describes itself or is marked decorative. */
    public boolean isDescribed() {
        return decorative || (alt != null && !alt.isBlank());
    }

    public String src() {
        return MediaFiles.url(renditions.stream()
            .filter(r -> r.width() >= 800).min(Comparator.comparingInt(Rendition::width))
            .map(Rendition::file).orElse(file));
    }

    /** Every rendition and the original, smallest first, in srcset syntax. */
    public String srcset() {
        String smaller = renditions.stream()
            .sorted(Comparator.comparingInt(Rendition::width))
            .map(r -> MediaFiles.url(r.file()) + " " + r.width() + "w")
            .collect(Collectors.joining(", "));
        String original = MediaFiles.url(file) + " " + width + "w";
        return smaller.isEmpty() ? original : smaller + ", " + original;
    }

    public boolean hasCaption() {
        return (caption != null && !caption.isBlank()) || (credit != null && !credit.isBlank());
    }
}
