package dispatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dispatch.audit.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** The run's one browser comes to each class as a new one would, whatever the class before it left. */
@Tag("browser")
class SharedBrowserTest {
    private final TestSite site = TestSite.demo();

    @Test
    void a_class_gets_the_browser_without_the_cookies_storage_width_or_media_the_one_before_left() {
        Browser browser = SharedBrowser.clean();
        browser.open(site.url("/robots.txt"));
        browser.driver().manage().addCookie(new Cookie("left", "behind"));
        browser.script("localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind')");
        browser.width(320);
        browser.forcedColors();
        browser.driver().executeCdpCommand("Emulation.setPageScaleFactor", Map.of("pageScaleFactor", 2));
        browser.colorScheme("dark");

        Browser next = SharedBrowser.clean();
        next.open(site.url("/robots.txt"));

        assertSame(browser, next, "one browser for the run");
        assertEquals(List.of(), SharedBrowser.cookies(next));
        assertEquals(Map.of("local", 0L, "session", 0L, "width", 1280L, "dark", false, "forced", false, "scale", 1L),
            next.script("return {local: localStorage.length, session: sessionStorage.length, width: innerWidth,"
                + " dark: matchMedia('(prefers-color-scheme: dark)').matches,"
                + " forced: matchMedia('(forced-colors: active)').matches, scale: visualViewport.scale}"));
    }
}
