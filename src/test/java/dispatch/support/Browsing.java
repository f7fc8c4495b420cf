package dispatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * An HTTP client that keeps its cookies, like one browser: for newsroom tests that sign in and
 * send forms. Every POST carries the CSRF token from the browser's cookie, as a real form would.
 */
public final class Browsing {
    private final TestSite site;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers;
    private String csrfToken;
    private String csrfFor;

    public Browsing(TestSite site) {
        this(site, new CookieManager());
    }

    private Browsing(TestSite site, CookieManager cookies) {
        this(site, cookies, Map.of());
    }

    private Browsing(TestSite site, CookieManager cookies, Map<String, String> headers) {
        this.site = site;
        this.cookies = cookies;
        this.headers = headers;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The same browser, its cookies and all, talking to another node of the site: what a load
     * balancer does when it sends a reader's next request elsewhere.
     */
    public Browsing at(TestSite node) {
        return new Browsing(node, cookies, headers);
    }

    /**
     * The same browser sending one more header with every request: X-Forwarded-For, say, as
     * a proxy in front of the site would add it.
     */
    public Browsing withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Browsing(site, cookies, Map.copyOf(more));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(site.url(path))).GET());
    }

    /** Any method, with this browser's cookies and these extra headers (name, value, ...): a HEAD, a prefetch. */
    public HttpResponse<String> request(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).body());
    }

    /**
     * The CSRF token of this browser's forms, as a form page carries it. It is bound to the
     * browser's secret cookie and to its session, so it is read again whenever either changes.
     */
    public String csrf() {
        if (!csrfCookies().equals(csrfFor)) {
            csrfToken = page("/newsroom/sign-in").selectFirst("input[name=csrf]").val();
            csrfFor = csrfCookies();
        }
        return csrfToken;
    }

    private String csrfCookies() {
        // Both names of each: over HTTPS they carry the __Host- prefix.
        return java.util.stream.Stream.of("dispatch_csrf", "__Host-dispatch_csrf", "dispatch_session",
            "__Host-dispatch_session").map(name -> cookie(name).orElse("")).collect(Collectors.joining(" "));
    }

    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
            .map(HttpCookie::getValue).findFirst();
    }

    public void forget(String cookie) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(cookie)).toList()
            .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    /** Sends a form with its CSRF token; values may repeat (checkboxes), as pairs name, value. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        body = (body.isEmpty() ? "" : body + "&") + "csrf=" + enc(csrf());
        return send(HttpRequest.newBuilder(URI.create(site.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Every field of a form on a page as the browser would send it (the CSRF token aside, which
     * {@link #post} adds), with the button pressed as {@code action}.
     */
    public static List<Map.Entry<String, String>> fields(org.jsoup.nodes.Element form, String action) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Element input : form.select("input, textarea, select")) {
            String name = input.attr("name");
            if (name.isEmpty() || name.equals("csrf")) {
                continue;
            }
            switch (input.tagName()) {
                case "textarea" -> fields.add(Map.entry(name, input.wholeText()));
                case "select" -> {
                    org.jsoup.nodes.Element selected = input.selectFirst("option[selected]");
                    fields.add(Map.entry(name, selected == null ? input.selectFirst("option").val() : selected.val()));
                }
                default -> {
                    if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                        fields.add(Map.entry(name, input.val()));
                    }
                }
            }
        }
        fields.add(Map.entry("action", action));
        return fields;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, List.copyOf(fields.entrySet()));
    }

    /** Sends a multipart form with one file, as a browser's upload form does. */
    public HttpResponse<String> upload(String path, String fileField, String fileName, byte[] content,
                                       Map<String, String> fields) {
        String boundary = "----dispatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(site.url(path)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Signs in through the sign-in form; returns the response (303 on success). */
    public HttpResponse<String> signIn(String email, String password) {
        return post("/newsroom/sign-in", Map.of("email", email, "password", password, "next", "/newsroom"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
