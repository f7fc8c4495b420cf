package dispatch.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a check measured to reach a finding, so that an auditor can see it for themselves: the
 * numbers, in words, and pictures (the two crops of a focus test, unfocused and focused).
 *
 * @param measured what was measured, in a sentence or two
 * @param pictures the pictures, written as PNG files into the report folder's evidence/ folder
 */
public record Evidence(String measured, List<Picture> pictures) {

    public Evidence {
        pictures = pictures == null ? List.of() : List.copyOf(pictures);
    }

    /**
     * One picture. {@code file} is its path in the report folder, named after its content (so
     * that two runs never mix up pictures and the same picture is written once); {@code caption}
     * says which it is ("Without focus"), {@code alt} what it shows; {@code png} is held only
     * until the report is written, and is not part of report.json.
     */
    public record Picture(String file, String caption, String alt, @JsonIgnore byte[] png) {

        public static Picture of(String caption, String alt, byte[] png) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(png);
                String name = HexFormat.of().formatHex(hash, 0, 10);
                return new Picture("evidence/" + name + ".png", caption, alt, png);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Evidence of(String measured) {
        return new Evidence(measured, List.of());
    }
}
