package dispatch.preferences;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a reader likes pages shown: text size, line spacing, colour theme and the interface's
 * language (empty: the publication's own). Kept in a cookie
 * and applied on the server as classes on {@code <html>}, so it works with JavaScript off.
 * The defaults leave everything to the reader's own settings (prefers-color-scheme,
 * prefers-reduced-motion, forced-colors, the browser's text size).
 */
public record ReadingPreferences(String textSize, String spacing, String theme, String language) {
    public static final List<String> SIZES = List.of("standard", "large", "larger");
    public static final List<String> SPACINGS = List.of("standard", "wide");
    public static final List<String> THEMES = List.of("system", "light", "dark", "contrast");
    public static final ReadingPreferences DEFAULT = new ReadingPreferences("standard", "standard", "system", "");

    /** Reads the cookie's value; anything unknown falls back to the default for that setting. */
    public static ReadingPreferences parse(String cookie) {
        Map<String, String> values = new HashMap<>();
        String decoded;
        try {
            decoded = cookie == null ? "" : URLDecoder.decode(cookie, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = ""; // a cookie this site did not write: use the defaults
        }
        if (!decoded.isEmpty()) {
            for (String pair : decoded.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    values.put(kv[0], kv[1]);
                }
            }
        }
        return of(values.get("size"), values.get("spacing"), values.get("theme"), values.get("lang"));
    }

    public static ReadingPreferences of(String size, String spacing, String theme) {
        return of(size, spacing, theme, "");
    }

    public static ReadingPreferences of(String size, String spacing, String theme, String language) {
        return new ReadingPreferences(pick(SIZES, size, DEFAULT.textSize()), pick(SPACINGS, spacing, DEFAULT.spacing()),
            pick(THEMES, theme, DEFAULT.theme()), pick(dispatch.web.Languages.INTERFACE, language, DEFAULT.language()));
    }

    /** The same preferences with another interface language ("" for the publication's own). */
    public ReadingPreferences withLanguage(String code) {
        return of(textSize, spacing, theme, code);
    }

    /** The interface's language: the reader's choice, or else the publication's. */
    public String interfaceLanguage(String publicationLanguage) {
        return language.isEmpty() ? publicationLanguage : language;
    }

    private static String pick(List<String> allowed, String value, String fallback) {
        return value != null && allowed.contains(value) ? value : fallback;
    }

    public String cookieValue() {
        return URLEncoder.encode("size=" + textSize + "&spacing=" + spacing + "&theme=" + theme
            + (language.isEmpty() ? "" : "&lang=" + language), StandardCharsets.UTF_8);
    }

    /**
     * What the page cache keys pages by, besides the address: every setting here that can change
     * a rendered page. Whatever is added to these preferences must be part of this key.
     */
    public String cacheKey() {
        return cookieValue();
    }

    /** The classes for {@code <html>}; empty for the defaults. */
    public String htmlClass() {
        StringBuilder classes = new StringBuilder();
        if (!textSize.equals("standard")) {
            classes.append("app-text-").append(textSize).append(' ');
        }
        if (!spacing.equals("standard")) {
            classes.append("app-spacing-").append(spacing).append(' ');
        }
        if (!theme.equals("system")) {
            classes.append("app-theme-").append(theme);
        }
        return classes.toString().strip();
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
