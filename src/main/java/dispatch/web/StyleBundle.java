package dispatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The site's stylesheet. Each component keeps its own CSS file under web/css (no build step);
 * at start-up they are joined, in the order of web/css/bundle.txt, into one file whose name
 * carries a hash of its content, so browsers fetch one stylesheet and may cache it for ever.
 */
public final class StyleBundle {
    private final byte[] css;
    private final String url;

    private StyleBundle(byte[] css, String url) {
        this.css = css;
        this.url = url;
    }

    public static StyleBundle load() {
        StringBuilder all = new StringBuilder();
        for (String name : files()) {
            all.append("/* ").append(name).append(" */\n").append(read("web/css/" + name)).append('\n');
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        return new StyleBundle(bytes, "/assets/dispatch-" + hash(bytes) + ".css");
    }

    public String url() {
        return url;
    }

    public byte[] bytes() {
        return css.clone();
    }

    private static String read(String resource) {
        try (InputStream in = StyleBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing stylesheet resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> files() {
        return read("web/css/bundle.txt").lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
