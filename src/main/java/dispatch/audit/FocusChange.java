package dispatch.audit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * What focus changed on the screen: two pictures of the same place, unfocused and focused, compared
 * pixel by pixel. Whatever the page draws to show focus (an outline, the browser's own ring, a
 * box-shadow, an underline, a change of colour, background or border, a pseudo-element) shows up
 * here the same way, which is how a sighted keyboard user meets it.
 *
 * @param pixels  how many pixels the pictures hold (CSS pixels: the audit's browser draws one
 *                device pixel per CSS pixel)
 * @param changed pixels that changed at all, beyond what the eye cannot tell apart
 *                (CIE76 colour difference of {@value #NOTICEABLE} or more)
 * @param clear   pixels that changed clearly (colour difference of {@value #CLEAR} or more)
 * @param strong  pixels whose two colours have a contrast ratio of 3:1 or more: the measure of
 *                WCAG 2.4.13 Focus Appearance
 */
public record FocusChange(int pixels, int changed, int clear, int strong) {

    /** A colour difference (CIE76 ΔE) that people just notice side by side. */
    static final double NOTICEABLE = 2.3;
    /** A colour difference (CIE76 ΔE) that stands out without looking for it: white against #d0d0d0. */
    static final double CLEAR = 15;

    /** Compares two PNG pictures of the same size. */
    public static FocusChange between(byte[] unfocusedPng, byte[] focusedPng) {
        return between(read(unfocusedPng), read(focusedPng));
    }

    /** Compares two pictures of the same size. */
    static FocusChange between(BufferedImage before, BufferedImage after) {
        int width = Math.min(before.getWidth(), after.getWidth());
        int height = Math.min(before.getHeight(), after.getHeight());
        int changed = 0;
        int clear = 0;
        int strong = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = before.getRGB(x, y) & 0xffffff;
                int b = after.getRGB(x, y) & 0xffffff;
                if (a == b) {
                    continue;
                }
                double difference = deltaE(a, b);
                if (difference >= NOTICEABLE) {
                    changed++;
                }
                if (difference >= CLEAR) {
                    clear++;
                }
                if (contrast(a, b) >= 3) {
                    strong++;
                }
            }
        }
        return new FocusChange(width * height, changed, clear, strong);
    }

    static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("the browser's screenshot is not a picture");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WCAG's contrast ratio between two sRGB colours. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG's relative luminance. */
    static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    private static double linear(int channel) {
        double c = (channel & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The CIE76 colour difference: the distance between two colours in CIELAB (D65). */
    static double deltaE(int a, int b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    private static double[] lab(int rgb) {
        double r = linear(rgb >> 16);
        double g = linear(rgb >> 8);
        double bl = linear(rgb);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
