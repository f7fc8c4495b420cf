package dispatch.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A structured sample of a site's pages, as WCAG-EM suggests: pages made from one template share
 * most of their problems, so auditing a few of each finds them at a fraction of the time. A
 * page's template is its path with the query left out and its identifying segments
 * generalised: a segment of digits is {@code {number}}, and the last segment of a path of two or
 * more is {@code {slug}} when it is a word or words joined by hyphens, dots or underscores
 * ({@code /articles/lake-urmia} and {@code /articles/ferry-resumes} are {@code /articles/{slug}},
 * {@code /archive/2023/09} is {@code /archive/{number}/{number}}, {@code /search?page=2} is
 * {@code /search}). The first segment is never generalised: it names a part of the site. The
 * choice is the first pages of each template in the order they were found, so two runs over the
 * same site audit the same pages.
 *
 * @param pages     the pages to audit, in the order found
 * @param templates every template, in the order first found, with how many pages were found and
 *                  how many are audited
 */
public record Sample(List<String> pages, List<AuditReport.Template> templates) {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}%]+([-_.~][\\p{L}\\p{N}%]+)*");

    /**
     * @param perTemplate audit at most this many pages of each template
     * @param max         and at most this many pages in all, the first ones found
     */
    public static Sample of(List<String> found, int perTemplate, int max) {
        Map<String, int[]> counts = new LinkedHashMap<>();  // template: {found, audited}
        List<String> chosen = new ArrayList<>();
        for (String page : found) {
            int[] count = counts.computeIfAbsent(template(page), t -> new int[2]);
            if (chosen.size() < max && count[0] < perTemplate) {
                chosen.add(page);
                count[1]++;
            }
            count[0]++;
        }
        List<AuditReport.Template> templates = new ArrayList<>();
        counts.forEach((template, count) -> templates.add(new AuditReport.Template(template, count[0], count[1])));
        return new Sample(List.copyOf(chosen), List.copyOf(templates));
    }

    /** The template of a page's address: its path, generalised as the class says. */
    static String template(String address) {
        String path;
        try {
            path = new URI(address).getRawPath();
        } catch (java.net.URISyntaxException e) {
            path = address;
        }
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        boolean folder = path.endsWith("/");
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0 && NUMBER.matcher(segment).matches()) {
                segment = "{number}";
            } else if (i > 0 && i == segments.length - 1 && SLUG.matcher(segment).matches()) {
                segment = "{slug}";
            }
            template.append('/').append(segment);
        }
        return template.append(folder ? "/" : "").toString();
    }
}
