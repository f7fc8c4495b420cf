package dispatch.audit;

import java.util.Locale;

/**
 * One WCAG 2.2 success criterion, as listed in {@code audit/wcag22.yaml}.
 *
 * @param sc       its number, "1.4.3"
 * @param level    A, AA or AAA
 * @param since    the WCAG version that added it
 * @param tag      the tag axe-core gives rules that test it, "wcag143"
 * @param obsolete true only for 4.1.1 Parsing, which WCAG 2.2 removed and counts as always met
 * @param why      a sentence on why it matters to people, shown beside axe's own help
 */
public record Criterion(String sc, String name, String level, String since, String tag, boolean obsolete,
                        String why) {

    /** The criterion's anchor in the WCAG 2.2 recommendation and its Understanding document. */
    public String slug() {
        return name.toLowerCase(Locale.ROOT).replaceAll("[(),]", "").replace(' ', '-');
    }

    public String understandingUrl() {
        return "https://www.w3.org/WAI/WCAG22/Understanding/" + slug() + ".html";
    }

    public String specUrl() {
        return "https://www.w3.org/TR/WCAG22/#" + slug();
    }

    /** "1.4.3 Contrast (Minimum) (AA)". */
    public String title() {
        return sc + " " + name + " (" + level + ")";
    }
}
