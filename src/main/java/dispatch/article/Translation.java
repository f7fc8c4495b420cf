package dispatch.article;

import java.util.Map;

/** Another language's version of an article: its language and address. */
public record Translation(String language, String slug) {
    private static final Map<String, String> NAMES = Map.of(
        "en", "English", "ar", "العربية", "tr", "Türkçe", "fa", "فارسی", "he", "עברית",
        "hy", "Հայերեն", "ka", "ქართული", "az", "Azərbaycanca", "ku", "Kurdî", "ru", "Русский");

    public String url() {
        return "/articles/" + slug;
    }

    /** The language's name in that language, as a language switcher shows it. */
    public String name() {
        return NAMES.getOrDefault(language, language);
    }

    public String dir() {
        return dispatch.web.Languages.direction(language);
    }
}
