package dispatch.support;

import dispatch.audit.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one Chromium of a test run, shared by every browser test class: starting one costs seconds,
 * and a run has a dozen classes. It is closed when the test JVM exits. Each class takes it through
 * {@link #clean()}, which undoes whatever the class before it left behind, so that no class sees
 * another's cookies, stored data, width, colour scheme or forced colours.
 */
public final class SharedBrowser {
    private static Browser browser;

    /**
     * The shared browser as a new one starts: a blank page in a 1280 by 900 window at 100%, no
     * emulated width or media, no cookies, nothing stored by any page, the usual timeouts.
     */
    public static synchronized Browser clean() {
        if (browser == null) {
            browser = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(browser::close));
            return browser;
        }
        var driver = browser.driver();
        // What a page kept in its own origin's storage is cleared from that page, before leaving it.
        browser.script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* a page without storage */ }");
        browser.open("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        driver.executeCdpCommand("Emulation.resetPageScaleFactor", Map.of());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Every cookie the browser holds, for {@link #useCookies} to put back: one signed-in person. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> cookies(Browser browser) {
        return (List<Map<String, Object>>) browser.driver().executeCdpCommand("Network.getAllCookies", Map.of())
            .get("cookies");
    }

    /** Replaces every cookie the browser holds with these, as {@link #cookies} gave them. */
    public static void useCookies(Browser browser, List<Map<String, Object>> cookies) {
        browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        List<Map<String, Object>> settable = cookies.stream().map(c -> {
            Map<String, Object> cookie = new java.util.HashMap<>(c);
            // Network.getAllCookies reports fields that Network.setCookies does not take.
            cookie.keySet().retainAll(List.of("name", "value", "domain", "path", "secure", "httpOnly", "sameSite",
                "expires"));
            if (cookie.get("expires") instanceof Number n && n.doubleValue() < 0) {
                cookie.remove("expires"); // a session cookie
            }
            return cookie;
        }).toList();
        browser.driver().executeCdpCommand("Network.setCookies", Map.of("cookies", settable));
    }

    private SharedBrowser() {}
}
