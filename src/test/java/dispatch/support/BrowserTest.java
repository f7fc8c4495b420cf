package dispatch.support;

import dispatch.audit.Browser;
import dispatch.support.PageTypes.PageType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/** A browser test class: the shared demo site, the run's one Chromium, clean for the class, and every page type. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
public abstract class BrowserTest {
    protected final TestSite site = TestSite.demo();
    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = SharedBrowser.clean();
    }

    /** One page of every type, for {@code @MethodSource("pages")}. */
    protected List<PageType> pages() {
        return PageTypes.all(site);
    }

    /** Opens a page in a fresh 1280 px, light-scheme view, then applies the given width. */
    protected void open(PageType page, int width) {
        browser.reset();
        browser.width(width);
        browser.open(site.url(page.path()));
    }
}
