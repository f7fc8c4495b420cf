package dispatch.audit;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds the pages to audit on any website: the start page first, then the pages its sitemaps
 * list (those named in robots.txt, and /sitemap.xml; plain or gzipped, and sitemap indexes of
 * any depth), or, when there is no sitemap, the pages reached by following links from the start
 * page, breadth first. Only pages of the start page's origin (scheme, host and port) are taken,
 * and at most {@code maxPages} of them. Pages robots.txt disallows are left out, unless the
 * operator says the site is theirs; the start page is always audited, since a person asked for
 * it. No page is audited twice: a folder's index page ({@code /} and {@code /index.html}) is one
 * page, as is an address and the one it redirects to.
 */
public final class Crawler {
    /** Links to these are not pages: they are not fetched to find out. */
    private static final Set<String> NOT_PAGES = Set.of("css", "js", "json", "xml", "rss", "atom", "txt", "pdf",
        "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "zip", "gz", "mp3", "mp4", "webm", "woff", "woff2");
    /** The names of a folder's own page, which servers answer for the folder's address. */
    private static final Set<String> INDEX_PAGES = Set.of("index.html", "index.htm", "index.php", "default.htm",
        "default.html", "default.aspx");
    /** Sitemap files read at most, so that an index of indexes cannot keep the audit reading for ever. */
    private static final int MAX_SITEMAPS = 500;
    /** The name robots.txt groups are matched against; groups for every robot ({@code *}) apply too. */
    static final String ROBOT_NAME = "dispatch";

    /** Words in an address that signs out: a signed-in audit never visits one, so as to stay signed in. */
    private static final List<String> SIGN_OUT = List.of("sign-out", "signout", "log-out", "logout");
    /** Redirects followed at most for one address, as browsers do. */
    private static final int MAX_REDIRECTS = 10;

    /**
     * The pages found, how ("sitemap", "links", or "links and sitemap" for a signed-in audit),
     * how many pages found were left out because robots.txt disallows them, and the addresses a
     * signed-in audit did not visit because they sign out.
     */
    public record Found(List<String> pages, String method, int disallowed, List<String> signOut) {
        public Found(List<String> pages, String method, int disallowed) {
            this(pages, method, disallowed, List.of());
        }
    }

    // Redirects are followed here, not by the client, so that the headers of a signed-in audit go
    // to the audited origin only and never follow a redirect to another one.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final boolean honourRobots;
    private final Function<URI, Map<String, String>> credentials;
    private final boolean signedIn;
    private final Set<String> signOut = new LinkedHashSet<>();

    /** @param honourRobots false to audit pages robots.txt disallows (for one's own site) */
    public Crawler(boolean honourRobots) {
        this(honourRobots, uri -> Map.of(), false);
    }

    /**
     * @param credentials the headers (cookies included) to send with a request to an address: it
     *                    answers for the audited origin only, and nothing for any other
     * @param signedIn    true when the audit is signed in: links are followed as well as the
     *                    sitemaps read (pages behind a sign-in are seldom in a sitemap), and
     *                    addresses that sign out are never visited
     */
    public Crawler(boolean honourRobots, Function<URI, Map<String, String>> credentials, boolean signedIn) {
        this.honourRobots = honourRobots;
        this.credentials = credentials;
        this.signedIn = signedIn;
    }

    public Crawler() {
        this(true);
    }

    /**
     * The pages to audit, starting from {@code start}.
     *
     * @throws AuditException when the start page cannot be fetched: the operator's address is wrong
     */
    public Found find(URI start, int maxPages) {
        return find(start, maxPages, null);
    }

    /**
     * @param landing the page a sign-in led to, taken second and followed from too; null if none
     * @throws AuditException when the start page cannot be fetched, or, for a signed-in audit,
     *                        leads to another origin than the one the credentials are for
     */
    public Found find(URI start, int maxPages, URI landing) {
        HttpResponse<String> first = fetch(start, HttpResponse.BodyHandlers.ofString()).orElseThrow(() ->
            new AuditException("cannot reach " + start + ": is the address right, and is the site running?"));
        if (first.statusCode() >= 400) {
            throw new AuditException(start + " answered with HTTP status " + first.statusCode());
        }
        URI origin = origin(first.uri());
        if (signedIn && !origin.equals(origin(start))) {
            throw new AuditException(start + " leads to " + normal(first.uri()) + ", on another origin: give that"
                + " address to --base-url, since the cookies, headers and sign-in are for --base-url's origin only");
        }
        BaseRobotRules robots = robots(origin);
        Pages pages = new Pages(maxPages, honourRobots ? robots : null);
        pages.add(first.uri(), true);
        List<HttpResponse<String>> from = new ArrayList<>(List.of(first));
        if (landing != null && origin.equals(origin(landing)) && !signsOut(landing)) {
            fetch(landing, HttpResponse.BodyHandlers.ofString())
                .filter(r -> r.statusCode() < 400 && isHtml(r) && origin.equals(origin(r.uri())))
                .ifPresent(r -> {
                    pages.add(r.uri(), true);
                    from.add(r);
                });
        }
        if (signedIn) {
            followLinks(from, origin, pages);
            int byLinks = pages.size();
            fromSitemaps(origin, robots.getSitemaps(), pages);
            return new Found(pages.list(), pages.size() > byLinks ? "links and sitemap" : "links", pages.disallowed,
                List.copyOf(signOut));
        }
        fromSitemaps(origin, robots.getSitemaps(), pages);
        if (pages.size() > 1) {
            return new Found(pages.list(), "sitemap", pages.disallowed, List.copyOf(signOut));
        }
        followLinks(from, origin, pages);
        return new Found(pages.list(), "links", pages.disallowed, List.copyOf(signOut));
    }

    /** Whether visiting this address would end the audit's session: its path says it signs out. */
    static boolean signsOut(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return SIGN_OUT.stream().anyMatch(path::contains);
    }

    /** A page a signed-in audit leaves alone, noted for the report; false when it may be visited. */
    private boolean leftAlone(URI uri) {
        if (signedIn && signsOut(uri)) {
            signOut.add(normal(uri));
            return true;
        }
        return false;
    }

    /** The pages taken so far, each once, in the order found, up to the limit. */
    private static final class Pages {
        private final int max;
        private final BaseRobotRules robots;
        private final Map<String, String> byKey = new LinkedHashMap<>();
        private int disallowed;

        Pages(int max, BaseRobotRules robots) {
            this.max = max;
            this.robots = robots;
        }

        /** Takes a page unless it is taken already, the limit is reached, or robots.txt disallows it. */
        boolean add(URI page, boolean asked) {
            String key = key(page);
            if (byKey.containsKey(key) || full()) {
                return false;
            }
            if (!asked && robots != null && !robots.isAllowed(normal(page))) {
                disallowed++;
                return false;
            }
            byKey.put(key, normal(page));
            return true;
        }

        boolean has(URI page) {
            return byKey.containsKey(key(page));
        }

        boolean full() {
            return byKey.size() >= max;
        }

        int size() {
            return byKey.size();
        }

        List<String> list() {
            return List.copyOf(byKey.values());
        }
    }

    /** The site's robots.txt rules for this audit; allow-all when there is none or it cannot be read. */
    private BaseRobotRules robots(URI origin) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        URI address = origin.resolve("/robots.txt");
        Optional<HttpResponse<byte[]>> response = fetch(address, HttpResponse.BodyHandlers.ofByteArray());
        if (response.isEmpty()) {
            return parser.failedFetch(404);
        }
        if (response.get().statusCode() != 200) {
            // 4xx: no rules (allow all); 5xx: the parser's answer for a site that cannot say, which is
            // to wait; an audit cannot wait, so it is allow-all too, and the sitemap still works.
            return parser.failedFetch(response.get().statusCode() >= 500 ? 404 : response.get().statusCode());
        }
        return parser.parseContent(address.toString(), response.get().body(),
            response.get().headers().firstValue("Content-Type").orElse("text/plain"), List.of(ROBOT_NAME));
    }

    private void fromSitemaps(URI origin, List<String> named, Pages pages) {
        Deque<String> sitemaps = new ArrayDeque<>(named);
        sitemaps.add(origin.resolve("/sitemap.xml").toString());
        SiteMapParser parser = new SiteMapParser(false);  // a sitemap may list pages outside its own folder
        Set<String> seen = new LinkedHashSet<>();
        while (!sitemaps.isEmpty() && seen.size() < MAX_SITEMAPS && !pages.full()) {
            URI uri = parse(sitemaps.poll());
            if (uri == null || !origin.equals(origin(uri)) || !seen.add(normal(uri))) {
                continue;
            }
            Optional<HttpResponse<byte[]>> response = fetch(uri, HttpResponse.BodyHandlers.ofByteArray())
                .filter(r -> r.statusCode() == 200);
            if (response.isEmpty()) {
                continue;
            }
            AbstractSiteMap map;
            try {
                map = parser.parseSiteMap(response.get().headers().firstValue("Content-Type").orElse("text/xml"),
                    response.get().body(), uri.toURL());
            } catch (UnknownFormatException | IOException | RuntimeException e) {
                continue;  // not a sitemap after all: the others, or the links, still find the pages
            }
            if (map instanceof SiteMapIndex index) {
                index.getSitemaps().forEach(child -> sitemaps.add(child.getUrl().toString()));
            } else if (map instanceof SiteMap urls) {
                for (SiteMapURL url : urls.getSiteMapUrls()) {
                    URI page = parse(url.getUrl().toString());
                    if (page != null && origin.equals(origin(page)) && !leftAlone(page)) {
                        pages.add(page, false);
                    }
                }
            }
        }
    }

    private void followLinks(List<HttpResponse<String>> from, URI origin, Pages pages) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<HttpResponse<String>> toRead = new ArrayDeque<>();
        Deque<URI> toFetch = new ArrayDeque<>();
        for (HttpResponse<String> page : from) {
            seen.add(key(page.uri()));
            toRead.add(page);
        }
        int fetches = from.size();
        while (!pages.full() && (!toRead.isEmpty() || !toFetch.isEmpty()) && fetches <= 3 * pages.max + 10) {
            HttpResponse<String> response;
            if (!toRead.isEmpty()) {
                response = toRead.poll();
            } else {
                fetches++;
                Optional<HttpResponse<String>> fetched = fetch(toFetch.poll(), HttpResponse.BodyHandlers.ofString());
                if (fetched.isEmpty()) {
                    continue;
                }
                response = fetched.get();
            }
            if (response.statusCode() >= 400 || !isHtml(response) || !origin.equals(origin(response.uri()))) {
                continue;
            }
            // The address a link led to after redirects is the page; one reached twice is one page.
            if (!from.contains(response) && !pages.add(response.uri(), false) && !pages.has(response.uri())) {
                continue;
            }
            Document doc = Jsoup.parse(response.body(), response.uri().toString());
            for (Element link : doc.select("a[href], area[href]")) {
                URI target = parse(link.absUrl("href"));
                if (target == null || !origin.equals(origin(target)) || looksLikeAFile(target)
                        || !seen.add(key(target)) || leftAlone(target)) {
                    continue;
                }
                if (pages.robots != null && !pages.robots.isAllowed(normal(target))) {
                    pages.disallowed++;  // not even fetched: robots.txt asks robots not to
                    continue;
                }
                toFetch.add(target);
            }
        }
    }

    /**
     * GETs an address, following redirects as browsers do (never from https to http), with the
     * audit's credentials on each request to the audited origin only. A redirect to an address
     * that signs out is not followed by a signed-in audit.
     */
    private <T> Optional<HttpResponse<T>> fetch(URI uri, HttpResponse.BodyHandler<T> body) {
        try {
            URI at = uri;
            for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(20))
                    .header("User-Agent", "Dispatch accessibility audit")
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5").GET();
                credentials.apply(at).forEach(request::setHeader);
                HttpResponse<T> response = http.send(request.build(), body);
                Optional<String> location = response.headers().firstValue("Location");
                if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                    return Optional.of(response);
                }
                URI next = parse(at.resolve(location.get().strip()).toString());
                if (next == null || (at.getScheme().equalsIgnoreCase("https") && next.getScheme().equalsIgnoreCase("http"))) {
                    return Optional.of(response);
                }
                if (leftAlone(next)) {
                    return Optional.empty();
                }
                at = next;
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private static boolean isHtml(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static boolean looksLikeAFile(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && NOT_PAGES.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * What makes two addresses one page: the address without its fragment, and a folder's index
     * page ({@code /news/index.html}) written as the folder ({@code /news/}).
     */
    static String key(URI uri) {
        String normal = normal(uri);
        int query = normal.indexOf('?');
        String path = query < 0 ? normal : normal.substring(0, query);
        int slash = path.lastIndexOf('/');
        if (INDEX_PAGES.contains(path.substring(slash + 1).toLowerCase(Locale.ROOT))) {
            return path.substring(0, slash + 1) + (query < 0 ? "" : normal.substring(query));
        }
        return normal;
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
