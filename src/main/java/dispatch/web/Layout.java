package dispatch.web;

import dispatch.section.Section;
import java.util.List;

/**
 * What the page layout needs from every page: its title, where it lives, its language and
 * direction, and the navigation. Built by {@link Site#layout}; page records carry one.
 *
 * @param title          the page's own title; the layout adds the site name after it
 * @param canonical      the absolute canonical URL
 * @param currentSection slug of the section the page belongs to, marked in the navigation; may be null
 * @param breadcrumbs    the trail to this page, not including the page itself; empty on the front page
 * @param htmlClass      the reader's preferences as classes for {@code <html>}; empty for the defaults
 * @param reader         the signed-in reader's name, for the header's account link; null when nobody is
 */
public record Layout(String siteName, String title, String description, String canonical, String lang,
                     String dir, List<Section> sections, String currentSection, List<Crumb> breadcrumbs,
                     String stylesheet, String path, String htmlClass, String reader) {

    /**
     * One step of a breadcrumb trail.
     *
     * @param lang the label's language when it is not the interface's (a section's name), or null
     */
    public record Crumb(String label, String url, String lang) {
        public Crumb(String label, String url) {
            this(label, url, null);
        }

        /** A step named in the publication's language, such as a section. */
        public static Crumb named(String label, String url) {
            return new Crumb(label, url, Languages.publicationLang());
        }

        public String dir() {
            return lang == null ? null : Languages.direction(lang);
        }
    }

    /** One entry of the language switcher: a language named in itself, and the link that picks it. */
    public record LanguageLink(String code, String name, String href, boolean current) {
        public String dir() {
            return Languages.direction(code);
        }
    }

    /** The interface languages to switch to; each link comes back to this page. */
    public List<LanguageLink> languages() {
        String back = java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
        return Languages.INTERFACE.stream().map(code -> new LanguageLink(code, Languages.ownName(code),
            "/language/" + code + "?back=" + back, code.equals(lang))).toList();
    }

    /** The first step of every trail: the front page. */
    public static Crumb home() {
        return new Crumb(Messages.t("crumb.home"), "/");
    }

    /** lang and dir for the publication's own names (section names in the navigation). */
    public String namesLang() {
        return Languages.publicationLang();
    }

    public String namesDir() {
        return Languages.publicationDir();
    }

    public String fullTitle() {
        return title.equals(siteName) ? siteName : title + " – " + siteName;
    }

    public Layout withCrumbs(Crumb... crumbs) {
        return new Layout(siteName, title, description, canonical, lang, dir, sections, currentSection,
            List.of(crumbs), stylesheet, path, htmlClass, reader);
    }

    public Layout inSection(String slug) {
        return new Layout(siteName, title, description, canonical, lang, dir, sections, slug, breadcrumbs,
            stylesheet, path, htmlClass, reader);
    }

    public boolean isCurrent(Section section) {
        return section.slug().equals(currentSection);
    }
}
