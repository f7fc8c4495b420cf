package dispatch.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.ScreenReaderOutline;
import dispatch.support.BrowserTest;
import dispatch.support.PageTypes.PageType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page type as a screen reader hears it, from Chromium's accessibility tree: no separator
 * read aloud as "middle dot", nothing announced twice (the current page in the breadcrumbs, then
 * again as the h1), every landmark named, headings in order. The checks are shown to catch each
 * of these on a page written to fail, and to pass a page written to be heard well.
 */
class ScreenReaderOutlineTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void page_is_heard_without_decoration_repeats_or_unnamed_landmarks(PageType page) {
        open(page, 1280);
        ScreenReaderOutline outline = ScreenReaderOutline.of(browser);
        assertTrue(outline.items().stream().anyMatch(i -> i.role().equals("main")), "a main landmark is exposed");
        assertEquals(List.of(), outline.problems(), () -> page + " as heard:\n" + spoken(outline));
    }

    @Test
    void the_article_page_reads_its_headline_once_and_its_separators_not_at_all() {
        PageType article = pages().stream().filter(p -> p.name().startsWith("article with lead figure")).findFirst()
            .orElseThrow();
        open(article, 1280);
        ScreenReaderOutline outline = ScreenReaderOutline.of(browser);
        ScreenReaderOutline.Item h1 = outline.items().stream()
            .filter(i -> i.role().equals("heading") && i.level() == 1).findFirst().orElseThrow();
        assertEquals(1, outline.items().stream().filter(i -> i.name().equals(h1.name())).count(),
            () -> "the headline is read once:\n" + spoken(outline));
        assertTrue(outline.items().stream().noneMatch(i -> i.name().contains("\u00B7")), () -> spoken(outline));
    }

    @Test
    void the_checks_catch_each_fault_on_a_page_written_to_be_heard_badly() throws URISyntaxException {
        browser.reset();
        browser.open(fixture("heard-badly.html"));
        ScreenReaderOutline outline = ScreenReaderOutline.of(browser);
        String heard = spoken(outline);
        assertTrue(outline.decorationSpoken().size() >= 2, heard + outline.decorationSpoken());
        assertTrue(outline.announcedTwice().stream().anyMatch(p -> p.startsWith("the main heading")),
            heard + outline.announcedTwice());
        assertTrue(outline.announcedTwice().stream().anyMatch(p -> p.startsWith("the same link")),
            heard + outline.announcedTwice());
        assertEquals(List.of("a navigation landmark has no name"), outline.unnamedLandmarks(), heard);
        assertEquals(List.of("a heading level is skipped: heading level 3 What changed after heading level 1 "
            + "Ports reopen after the storm"), outline.headingsOutOfOrder(), heard);
    }

    @Test
    void the_checks_pass_a_page_written_to_be_heard_well() throws URISyntaxException {
        browser.reset();
        browser.open(fixture("heard-well.html"));
        ScreenReaderOutline outline = ScreenReaderOutline.of(browser);
        assertEquals(List.of(), outline.problems(), spoken(outline));
        // The dash in the table says "no figure": it is content, and it is still read.
        assertTrue(outline.items().stream().anyMatch(i -> i.name().equals("\u2014")), spoken(outline));
    }

    private String fixture(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/fixtures/" + name).toURI()).toUri().toString();
    }

    private static String spoken(ScreenReaderOutline outline) {
        StringBuilder out = new StringBuilder();
        for (ScreenReaderOutline.Item item : outline.items()) {
            out.append("  ").append(item.spoken()).append('\n');
        }
        return out.toString();
    }
}
