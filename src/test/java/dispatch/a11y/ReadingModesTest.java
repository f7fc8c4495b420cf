package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.Reflow;
import dispatch.support.BrowserTest;
import dispatch.support.PageTypes.PageType;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways readers change how a page is shown: a 320 px screen (the same as 400% zoom on a
 * 1280 px one), their own text spacing, no styles at all, and no JavaScript.
 */
class ReadingModesTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void page_reflows_at_320_px_even_with_wider_text_spacing(PageType page) {
        open(page, 320);
        assertEquals(List.of(), Reflow.lostContent(browser), "at 320 px");
        Reflow.spaceText(browser);
        assertEquals(List.of(), Reflow.lostContent(browser), "at 320 px with the text-spacing override");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void page_needs_no_javascript_and_reads_in_order_without_styles(PageType page) {
        var doc = Jsoup.parse(site.get(page.path()).body());
        assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty(), "pages carry no script to run");
        assertTrue(doc.select("[style]").isEmpty() && doc.select("style").isEmpty(), "no inline styles (strict CSP)");

        open(page, 1280);
        browser.script("for (const s of document.styleSheets) s.disabled = true;");
        String text = (String) browser.script("return document.body.innerText");
        String h1 = doc.selectFirst("h1").text();
        int skip = text.indexOf("Skip to main content");
        int name = text.indexOf("Meridian East");
        int heading = text.indexOf(h1);
        assertTrue(skip == 0, "without styles the skip link comes first");
        assertTrue(name > skip && heading > name, "then the site name, then the page's heading");
    }
}
