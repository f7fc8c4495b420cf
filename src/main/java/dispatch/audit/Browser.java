package dispatch.audit;

import dispatch.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.DevToolsException;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, found on the PATH and given to
 * Selenium explicitly so that Selenium Manager never tries to download one). The audit command
 * uses one for a whole run, and the tests one for all of theirs: starting a browser costs
 * seconds, a page costs milliseconds.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    /** The origin the operator's headers go to, and the headers; null and empty when there are none. */
    private String headerOrigin;
    private List<Access.Header> headers = List.of();
    private DevTools devTools;
    /** The DevTools session the operator's headers are added on; null until there is one. */
    private org.openqa.selenium.devtools.idealized.target.model.SessionID intercepted;

    public Browser() {
        Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
        try {
            profile = Files.createTempDirectory("dispatch-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-extensions", "--disable-gpu-vsync", "--disable-frame-rate-limit", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--user-data-dir=" + profile, "--window-size=1280,900",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(onPath("chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** The full path of a program on the PATH; a missing browser is a problem the operator can fix. */
    static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new StartupException(command + " is not on the PATH: install Debian's chromium and chromium-driver "
            + "packages (`make browser`, or `apt-get install chromium chromium-driver`)", null);
    }

    /** The browser's name and version, as Chromium reports it ("chrome 120.0.6099.224"). */
    public String version() {
        var capabilities = driver.getCapabilities();
        return capabilities.getBrowserName() + " " + capabilities.getBrowserVersion();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        intercepting();
        driver.get(url);
    }

    /** The address of the page now shown; a {@code chrome-error:} address when it could not be loaded. */
    public String location() {
        return String.valueOf(script("return location.href"));
    }

    /**
     * Sends these cookies and headers with every request to {@code origin} from now on. Each
     * cookie is put in the browser's own cookie jar, for the origin's host only (host-only, path
     * {@code /}, Secure on https), as if the site had set it. The headers are added by
     * intercepting the requests whose address is on the origin (DevTools' Fetch domain, at the
     * request stage): Network.setExtraHTTPHeaders would send them to every origin a page loads
     * anything from.
     */
    public void sendTo(URI origin, List<Access.Cookie> cookies, List<Access.Header> headers) {
        String site = origin(origin);
        for (Access.Cookie cookie : cookies) {
            try {
                Map<String, Object> set = driver.executeCdpCommand("Network.setCookie", Map.of("name", cookie.name(),
                    "value", cookie.value(), "url", site + "/", "path", "/",
                    "secure", origin.getScheme().equalsIgnoreCase("https")));
                if (Boolean.FALSE.equals(set.get("success"))) {
                    throw new AuditException("Chromium would not take the cookie " + cookie.name());
                }
            } catch (WebDriverException e) {
                // Selenium's message repeats the command, the cookie's value with it: the name is enough.
                throw new AuditException("Chromium would not take the cookie " + cookie.name());
            }
        }
        if (!headers.isEmpty()) {
            headerOrigin = site;
            this.headers = List.copyOf(headers);
            intercepting();
        }
    }

    /**
     * Makes sure the headers are being added, before a page is loaded. Selenium ends its DevTools
     * session when the driver switches windows (axe-core's AxeBuilder opens one to finish its run),
     * and the interception ends with it: a new session for the window takes it up again.
     */
    private void intercepting() {
        if (headerOrigin == null) {
            return;
        }
        DevTools devTools = driver.getDevTools();
        if (devTools.getCdpSession() != null && devTools.getCdpSession().equals(intercepted)) {
            return;
        }
        // Another use of DevTools (the keyboard walk, pictures) may have made the session: it
        // intercepts nothing until told to.
        devTools.createSessionIfThereIsNotOne(driver.getWindowHandle());
        interceptOn(devTools);
    }

    /** Adds the operator's headers to the requests of this DevTools session from now on. */
    private void interceptOn(DevTools devTools) {
        intercepted = devTools.getCdpSession();
        devTools.clearListeners();
        Set<String> ours = new HashSet<>();
        headers.forEach(h -> ours.add(h.name().toLowerCase(Locale.ROOT)));
        devTools.addListener(new Event<Map<String, Object>>("Fetch.requestPaused",
            input -> input.read(org.openqa.selenium.json.Json.MAP_TYPE)), paused -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) paused.get("request");
                Map<String, Object> params = new HashMap<>();
                params.put("requestId", paused.get("requestId"));
                if (request != null && headerOrigin.equals(originOf(String.valueOf(request.get("url"))))) {
                    // continueRequest's headers replace the request's: keep the browser's own, then add ours.
                    List<Map<String, String>> all = new ArrayList<>();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> had = (Map<String, Object>) request.getOrDefault("headers", Map.of());
                    had.forEach((name, value) -> {
                        if (!ours.contains(name.toLowerCase(Locale.ROOT))) {
                            all.add(Map.of("name", name, "value", String.valueOf(value)));
                        }
                    });
                    headers.forEach(h -> all.add(Map.of("name", h.name(), "value", h.value())));
                    params.put("headers", all);
                }
                try {
                    devTools.send(new Command<Void>("Fetch.continueRequest", params));
                } catch (RuntimeException e) {
                    // The session ended as the request came (the browser closing, a window switched): the
                    // request goes with it. Nothing is passed on: Selenium would log the event, the
                    // request's cookies included.
                }
            });
        devTools.send(new Command<Void>("Fetch.enable", Map.of("patterns",
            List.of(Map.of("urlPattern", headerOrigin + "/*", "requestStage", "Request")))));
    }

    /**
     * The Cookie header the browser would send to this address now (its own cookies and the
     * operator's, those a sign-in set included), for the crawler to send the same; empty if none.
     */
    public String cookieHeader(URI address) {
        Map<String, Object> found = driver.executeCdpCommand("Network.getCookies",
            Map.of("urls", List.of(address.toString())));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) found.getOrDefault("cookies", List.of());
        List<String> pairs = new ArrayList<>();
        for (Map<String, Object> cookie : cookies) {
            pairs.add(cookie.get("name") + "=" + cookie.get("value"));
        }
        return String.join("; ", pairs);
    }

    /** scheme://host[:port], as the browser writes an address: the scheme's default port left out. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean usual = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    private static String originOf(String address) {
        try {
            URI uri = new URI(address);
            return uri.getScheme() == null || uri.getHost() == null ? "" : origin(uri);
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /**
     * Does something that loads a new page (a click, a key press) and waits until that page has
     * replaced this one and finished loading. The old document is marked and the wait polls for
     * a document without the mark, so it never touches an element of a page being torn down.
     */
    public void loadsNewPage(Runnable action) {
        intercepting();
        script("window.dispatchOldPage = true");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(d ->
            Boolean.TRUE.equals(script("return window.dispatchOldPage !== true && document.readyState === 'complete'")));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs a script that takes no arguments and returns plain data (no elements), straight over
     * the DevTools connection to the page: a few milliseconds, where a WebDriver command, which
     * goes through chromedriver and its checks, takes fifteen or more. For the keyboard walk, which
     * asks several questions at every one of thousands of focus stops. The script is a function
     * body, as for {@link #script}.
     */
    @SuppressWarnings("unchecked")
    public Object evaluate(String js) {
        Map<String, Object> answer = devTools("Runtime.evaluate", Map.of(
            "expression", "(() => {\n" + js + "\n})()", "returnByValue", true, "awaitPromise", false));
        if (answer.get("exceptionDetails") instanceof Map<?, ?> failure) {
            Object exception = failure.get("exception");
            throw new WebDriverException("script failed: " + (exception instanceof Map<?, ?> e
                ? e.get("description") : failure.get("text")));
        }
        return ((Map<String, Object>) answer.get("result")).get("value");
    }

    /**
     * Presses and releases Tab, as the keyboard does: the same DevTools input event chromedriver
     * sends for a WebDriver key action, sent directly. It returns once the page has handled it.
     */
    public void tab() {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            devTools("Input.dispatchKeyEvent", Map.of("type", type, "key", "Tab", "code", "Tab",
                "windowsVirtualKeyCode", 9, "nativeVirtualKeyCode", 9));
        }
    }

    private Map<String, Object> devTools(String method, Map<String, Object> params) {
        Command<Map<String, Object>> command = new Command<>(method, params, input -> input.read(Json.MAP_TYPE));
        if (devTools == null) {
            devTools = driver.getDevTools();
            devTools.createSessionIfThereIsNotOne(driver.getWindowHandle());
        }
        try {
            return devTools.send(command, Duration.ofSeconds(60));
        } catch (DevToolsException e) {
            // Moving to a page of another kind (a file after a web page) moves the tab to another
            // renderer, and may end the DevTools session attached to it: attach again, once.
            try {
                devTools.disconnectSession();
            } catch (RuntimeException alreadyGone) {
                // The session ended with the old renderer; nothing to disconnect.
            }
            devTools.createSession(driver.getWindowHandle());
            if (headerOrigin != null) {
                interceptOn(devTools);  // the interception ended with the old session
            }
            return devTools.send(command, Duration.ofSeconds(60));
        }
    }

    /**
     * A picture of part of the page as it is drawn now: {@code x} and {@code y} in CSS pixels from
     * the top left of the document (not of the window), as DevTools' Page.captureScreenshot takes
     * them. Only what lies inside the window is drawn, as the reader sees it.
     */
    public byte[] screenshot(double x, double y, double width, double height) {
        Map<String, Object> clip = Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1);
        // A faster PNG encoding: larger files, the same pixels.
        Map<String, Object> shot = devTools("Page.captureScreenshot",
            Map.of("format", "png", "clip", clip, "captureBeyondViewport", false, "optimizeForSpeed", true));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Sets the viewport width in CSS pixels (the height stays generous). */
    public void width(int cssPixels) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
            "width", cssPixels, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Emulates the reader's colour-scheme preference ("light" or "dark"). */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
            "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Emulates Windows High Contrast and other forced-colours modes. */
    public void forcedColors() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
            "features", List.of(Map.of("name", "forced-colors", "value", "active"))));
    }

    /** Back to a 1280 px light-scheme desktop. */
    public void reset() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        colorScheme("light");
    }

    @Override
    public void close() {
        try {
            if (devTools != null) {
                devTools.close();
            }
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind does no harm.
            }
        }
    }
}
