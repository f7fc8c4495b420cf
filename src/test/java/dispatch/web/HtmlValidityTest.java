package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.HtmlValidator;
import dispatch.support.PageTypes;
import dispatch.support.PageTypes.PageType;
import dispatch.support.TestSite;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page type is valid HTML by the Nu Html Checker's rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTest {
    private final TestSite site = TestSite.demo();
    private final HtmlValidator checker = new HtmlValidator();

    List<PageType> pages() {
        return PageTypes.all(site);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void page_is_valid_html(PageType page) {
        String html = site.get(page.path()).body();
        assertEquals(List.of(), checker.errors(html), page.toString());
    }

    @Test
    void the_checker_reports_invalid_html() {
        String broken = "<!DOCTYPE html><html lang=en><head><title>x</title></head>"
            + "<body><p><div>block in paragraph</div></p><img src=a.png></body></html>";
        assertEquals(true, checker.errors(broken).size() >= 2, "a stray </p> and an img without alt are errors");
    }

    @Test
    void method_not_allowed_page_is_valid_html() {
        assertEquals(List.of(), checker.errors(site.send("POST", "/about").body()));
    }
}
