package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What an article costs a reader on a slow connection: no JavaScript, and HTML plus CSS plus
 * fonts under 50 KB as transferred (gzip), images aside; images below the fold wait until
 * they are needed, and every image reserves its space.
 */
class PageWeightTest {
    private static final int BUDGET = 50 * 1024;
    private final TestSite site = TestSite.demo();

    private List<String> articles() {
        return site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT slug FROM articles WHERE status = 'published' ORDER BY slug").mapTo(String.class).list());
    }

    private int transferred(String path) {
        HttpResponse<byte[]> r = site.getBytes(path, "Accept-Encoding", "gzip");
        assertEquals(200, r.statusCode(), path);
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), path + " is compressed");
        return r.body().length;
    }

    @Test
    void every_article_is_under_50_kb_of_html_css_and_fonts_as_transferred_and_needs_no_javascript() {
        Document any = Jsoup.parse(site.get("/articles/" + articles().get(0)).body());
        String stylesheet = any.selectFirst("link[rel=stylesheet]").attr("href");
        int css = transferred(stylesheet);
        String cssText = site.get(stylesheet).body();
        Matcher fonts = Pattern.compile("url\\(['\"]?([^'\")]+\\.(?:woff2?|ttf|otf))").matcher(cssText);
        int fontBytes = 0;
        while (fonts.find()) {
            fontBytes += transferred(fonts.group(1));
        }
        int heaviest = 0;
        String heaviestSlug = "";
        for (String slug : articles()) {
            String path = "/articles/" + slug;
            Document doc = Jsoup.parse(site.get(path).body());
            for (Element script : doc.select("script")) {
                assertEquals("application/ld+json", script.attr("type"), path + ": only structured data, no JavaScript");
            }
            assertTrue(doc.select("[onclick], [onload], link[rel=modulepreload], link[as=script]").isEmpty(), path);
            int html = transferred(path);
            if (html > heaviest) {
                heaviest = html;
                heaviestSlug = slug;
            }
        }
        int total = heaviest + css + fontBytes;
        System.out.printf("Page weight, heaviest article (%s): HTML %d B + CSS %d B + fonts %d B = %d B gzipped%n",
            heaviestSlug, heaviest, css, fontBytes, total);
        assertTrue(total < BUDGET, "heaviest article " + heaviestSlug + " is " + total + " bytes");
    }

    @Test
    void images_reserve_their_space_and_only_the_lead_image_loads_at_once() {
        int lazy = 0;
        for (String slug : articles()) {
            Document doc = Jsoup.parse(site.get("/articles/" + slug).body());
            for (Element img : doc.select("img")) {
                String where = slug + ": " + img.attr("src");
                assertTrue(img.attr("width").matches("\\d+") && img.attr("height").matches("\\d+"), where);
                boolean lead = img.closest(".app-figure--lead") != null;
                assertEquals(lead ? "eager" : "lazy", img.attr("loading"), where);
                if (!lead) {
                    lazy++;
                }
            }
        }
        assertTrue(lazy > 0, "the demo has images below the fold to check");
        assertFalse(articles().isEmpty());
    }
}
