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
 */
public record Layout(String siteName, String title, String description, String canonical, String lang,
                     String dir, List<Section> sections, String currentSection, List<Crumb> breadcrumbs,
                     String stylesheet, String path, String htmlClass) {

    /** One step of a breadcrumb trail. */
    public record Crumb(String label, String url) {}

    public String fullTitle() {
        return title.equals(siteName) ? siteName : title + " – " + siteName;
    }

    public Layout withCrumbs(Crumb... crumbs) {
        return new Layout(siteName, title, description, canonical, lang, dir, sections, currentSection,
            List.of(crumbs), stylesheet, path, htmlClass);
    }

    public Layout inSection(String slug) {
        return new Layout(siteName, title, description, canonical, lang, dir, sections, slug, breadcrumbs,
            stylesheet, path, htmlClass);
    }

    public boolean isCurrent(Section section) {
        return section.slug().equals(currentSection);
    }
}
