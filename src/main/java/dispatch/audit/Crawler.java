package dispatch.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds the pages to audit on any website: the start page first, then the pages its sitemaps
 * list (those named in robots.txt, and /sitemap.xml), or, when there is no sitemap, the pages
 * reached by following links from the start page, breadth first. Only pages of the start
 * page's origin (scheme, host and port) are taken, and at most {@code maxPages} of them.
 */
public final class Crawler {
    /** Links to these are not pages: they are not fetched to find out. */
    private static final Set<String> NOT_PAGES = Set.of("css", "js", "json", "xml", "rss", "atom", "txt", "pdf",
        "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "zip", "gz", "mp3", "mp4", "webm", "woff", "woff2");
    private static final int MAX_SITEMAPS = 20;

    /** The pages found, and how: "sitemap" or "links". */
    public record Found(List<String> pages, String method) {}

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The pages to audit, starting from {@code start}.
     *
     * @throws AuditException when the start page cannot be fetched: the operator's address is wrong
     */
    public Found find(URI start, int maxPages) {
        HttpResponse<String> first = fetch(start).orElseThrow(() ->
            new AuditException("cannot reach " + start + ": is the address right, and is the site running?"));
        if (first.statusCode() >= 400) {
            throw new AuditException(start + " answered with HTTP status " + first.statusCode());
        }
        URI origin = origin(first.uri());
        String home = normal(first.uri());
        List<String> listed = fromSitemaps(origin, maxPages);
        if (!listed.isEmpty()) {
            Set<String> pages = new LinkedHashSet<>();
            pages.add(home);
            for (String page : listed) {
                if (pages.size() >= maxPages) {
                    break;
                }
                pages.add(page);
            }
            return new Found(List.copyOf(pages), "sitemap");
        }
        return new Found(followLinks(first, origin, maxPages), "links");
    }

    private List<String> fromSitemaps(URI origin, int maxPages) {
        Deque<String> sitemaps = new ArrayDeque<>();
        fetch(origin.resolve("/robots.txt")).filter(r -> r.statusCode() == 200).ifPresent(r -> r.body().lines()
            .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sitemap:"))
            .map(l -> l.substring("sitemap:".length()).strip())
            .forEach(sitemaps::add));
        sitemaps.add(origin.resolve("/sitemap.xml").toString());
        Set<String> seen = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        while (!sitemaps.isEmpty() && seen.size() < MAX_SITEMAPS && pages.size() < maxPages) {
            String address = sitemaps.poll();
            URI uri = parse(address);
            if (uri == null || !origin.equals(origin(uri)) || !seen.add(normal(uri))) {
                continue;
            }
            Optional<HttpResponse<String>> response = fetch(uri).filter(r -> r.statusCode() == 200);
            if (response.isEmpty()) {
                continue;
            }
            Document xml = Jsoup.parse(response.get().body(), "", Parser.xmlParser());
            for (Element loc : xml.select("sitemapindex > sitemap > loc")) {
                sitemaps.add(loc.text().strip());
            }
            for (Element loc : xml.select("urlset > url > loc")) {
                URI page = parse(loc.text().strip());
                if (page != null && origin.equals(origin(page))) {
                    pages.add(normal(page));
                }
            }
        }
        return List.copyOf(pages);
    }

    private List<String> followLinks(HttpResponse<String> first, URI origin, int maxPages) {
        List<String> pages = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<HttpResponse<String>> toRead = new ArrayDeque<>();
        Deque<String> toFetch = new ArrayDeque<>();
        seen.add(normal(first.uri()));
        toRead.add(first);
        int fetches = 1;
        while (pages.size() < maxPages && (!toRead.isEmpty() || !toFetch.isEmpty()) && fetches <= 3 * maxPages + 10) {
            HttpResponse<String> response;
            if (!toRead.isEmpty()) {
                response = toRead.poll();
            } else {
                fetches++;
                Optional<HttpResponse<String>> fetched = fetch(URI.create(toFetch.poll()));
                if (fetched.isEmpty()) {
                    continue;
                }
                response = fetched.get();
            }
            if (response.statusCode() >= 400 || !isHtml(response) || !origin.equals(origin(response.uri()))) {
                continue;
            }
            String page = normal(response.uri());
            if (!pages.contains(page)) {
                pages.add(page);
            }
            Document doc = Jsoup.parse(response.body(), response.uri().toString());
            for (Element link : doc.select("a[href], area[href]")) {
                URI target = parse(link.absUrl("href"));
                if (target != null && origin.equals(origin(target)) && !looksLikeAFile(target)
                        && seen.add(normal(target))) {
                    toFetch.add(normal(target));
                }
            }
        }
        return pages;
    }

    private Optional<HttpResponse<String>> fetch(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("User-Agent", "Dispatch accessibility audit")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5").GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isHtml(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static boolean looksLikeAFile(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && NOT_PAGES.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** An address without its fragment, with an empty path written "/". */
    static String normal(URI uri) {
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(uri.getScheme(), uri.getRawAuthority(), null, null, null).toString() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return uri.toString();
        }
    }

    /** Scheme, host and port, with the scheme's default port written out. */
    static URI origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + ":" + port + "/");
    }

    private static URI parse(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
