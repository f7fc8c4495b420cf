package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the audit finds a site's pages, on a small site served here: robots.txt is honoured (and
 * can be set aside for one's own site), sitemaps are read plain, gzipped and through an index,
 * and no page is taken twice.
 */
class CrawlerTest {
    private record Answer(String type, byte[] body) {}

    private final Map<String, Answer> files = new ConcurrentHashMap<>();
    /** Every request: the host it was for, the path, and the X-Token header it carried ("null" for none). */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                asked.add(Request.getServerName(request) + " " + path + " " + request.getHeaders().get("X-Token"));
                Answer answer = files.get(path);
                if (answer != null && answer.type().equals("redirect")) {
                    response.setStatus(302);
                    response.getHeaders().put(HttpHeader.LOCATION, new String(answer.body(), StandardCharsets.UTF_8));
                    callback.succeeded();
                    return true;
                }
                if (answer == null) {
                    response.setStatus(404);
                    callback.succeeded();
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.type());
                response.write(true, ByteBuffer.wrap(answer.body()), callback);
                return true;
            }
        });
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private void page(String path, String... links) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=en><title>" + path + "</title><main>");
        for (String link : links) {
            html.append("<a href=\"").append(link).append("\">").append(link).append("</a> ");
        }
        files.put(path, new Answer("text/html; charset=utf-8", html.append("</main>").toString()
            .getBytes(StandardCharsets.UTF_8)));
    }

    private void text(String path, String type, String body) {
        files.put(path, new Answer(type, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void gzipped(String path, String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(path, new Answer("application/gzip", bytes.toByteArray()));
    }

    private String urlset(String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String path : paths) {
            xml.append("<url><loc>").append(base).append(path).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    /** A site whose robots.txt names a gzipped sitemap index of one gzipped and one plain sitemap. */
    private void siteWithSitemaps() {
        page("/");
        page("/index.html");
        text("/robots.txt", "text/plain", """
            User-agent: *
            Disallow: /private/

            User-agent: other-robot
            Disallow: /

            Sitemap: %s/sitemaps/index.xml.gz
            """.formatted(base));
        gzipped("/sitemaps/index.xml.gz", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>%1$s/sitemaps/articles.xml.gz</loc></sitemap>
            <sitemap><loc>%1$s/sitemaps/pages.xml</loc></sitemap>
            </sitemapindex>""".formatted(base));
        gzipped("/sitemaps/articles.xml.gz", urlset("/", "/index.html", "/articles/one", "/private/drafts",
            "/articles/two", "/articles/one#comments"));
        text("/sitemaps/pages.xml", "application/xml", urlset("/about/", "/about/index.htm"));
    }

    @Test
    void sitemaps_are_read_through_a_gzipped_index_and_robots_txt_leaves_out_what_it_disallows() {
        siteWithSitemaps();
        Crawler.Found found = new Crawler().find(URI.create(base + "/"), 100);
        assertEquals("sitemap", found.method());
        assertEquals(List.of(base + "/", base + "/articles/one", base + "/articles/two", base + "/about/"), found.pages());
        assertEquals(1, found.disallowed(), "the page under /private/");
    }

    @Test
    void an_operator_may_audit_what_robots_txt_disallows_on_their_own_site() {
        siteWithSitemaps();
        Crawler.Found found = new Crawler(false).find(URI.create(base + "/"), 100);
        assertEquals(List.of(base + "/", base + "/articles/one", base + "/private/drafts", base + "/articles/two",
            base + "/about/"), found.pages());
        assertEquals(0, found.disallowed());
    }

    @Test
    void the_page_limit_holds_across_sitemaps() {
        siteWithSitemaps();
        assertEquals(List.of(base + "/", base + "/articles/one"), new Crawler().find(URI.create(base + "/"), 2).pages());
    }

    @Test
    void without_a_sitemap_links_are_followed_each_page_once_and_disallowed_ones_are_not_fetched() {
        text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /search\n");
        page("/", "/index.html", "/news/", "/search?q=oil", "/news/index.html#top", "/style.css");
        page("/index.html", "/news/");
        page("/news/", "/", "/news/story");
        page("/news/index.html", "/news/story");
        page("/news/story", "/news/");
        page("/search", "/news/story");
        Crawler.Found found = new Crawler().find(URI.create(base + "/"), 100);
        assertEquals("links", found.method());
        assertEquals(List.of(base + "/", base + "/news/", base + "/news/story"), found.pages());
        assertEquals(1, found.disallowed(), "the search page, never fetched");
    }

    @Test
    void a_site_without_robots_txt_or_sitemap_is_crawled_by_its_links() {
        page("/", "/a");
        page("/a", "/");
        Crawler.Found found = new Crawler().find(URI.create(base + "/"), 100);
        assertEquals(List.of(base + "/", base + "/a"), found.pages());
        assertEquals(0, found.disallowed());
    }

    /** A crawler signed in with a token that goes to the audited origin only. */
    private Crawler signedIn() {
        URI origin = Crawler.origin(URI.create(base + "/"));
        return new Crawler(true, uri -> Crawler.origin(uri).equals(origin) ? Map.of("X-Token", "t0ken") : Map.of(), true);
    }

    @Test
    void signed_in_links_are_followed_before_the_sitemap_and_addresses_that_sign_out_are_never_visited() {
        text("/robots.txt", "text/plain", "Sitemap: " + base + "/sitemap.xml\n");
        text("/sitemap.xml", "application/xml", urlset("/", "/public", "/auth/logout"));
        page("/", "/members/", "/account/sign-out", "/logout?next=/", "/members/Log-Out", "/bye");
        page("/members/", "/members/one", "/");
        page("/members/one");
        page("/public");
        text("/bye", "redirect", base + "/session/signout");
        Crawler.Found found = signedIn().find(URI.create(base + "/"), 100);
        assertEquals("links and sitemap", found.method());
        assertEquals(List.of(base + "/", base + "/members/", base + "/members/one", base + "/public"), found.pages());
        assertEquals(List.of(base + "/account/sign-out", base + "/logout?next=/", base + "/members/Log-Out",
            base + "/session/signout", base + "/auth/logout"), found.signOut());
        assertEquals(List.of(), asked.stream().filter(a -> a.toLowerCase().matches(".* /\\S*(sign-?out|log-?out)\\S* .*"))
            .toList());
        assertEquals(List.of(), asked.stream().filter(a -> !a.endsWith(" t0ken")).toList(), "every request carried the token");
    }

    @Test
    void the_credentials_go_to_the_audited_origin_only_and_never_follow_a_redirect_to_another() {
        page("/", "/away", "/members/");
        page("/members/");
        // The same server under another name is another origin.
        text("/away", "redirect", "http://localhost:" + URI.create(base).getPort() + "/elsewhere");
        page("/elsewhere");
        Crawler.Found found = signedIn().find(URI.create(base + "/"), 100);
        assertEquals(List.of(base + "/", base + "/members/"), found.pages());
        assertTrue(asked.contains("localhost /elsewhere null"), asked.toString());
        assertEquals(List.of(), asked.stream().filter(a -> a.startsWith("127.0.0.1 ") && !a.endsWith(" t0ken")).toList());
    }

    @Test
    void not_signed_in_a_sitemap_is_enough_and_nothing_is_left_out_for_signing_out() {
        text("/robots.txt", "text/plain", "Sitemap: " + base + "/sitemap.xml\n");
        text("/sitemap.xml", "application/xml", urlset("/", "/public", "/auth/logout"));
        page("/", "/members/");
        Crawler.Found found = new Crawler().find(URI.create(base + "/"), 100);
        assertEquals(List.of(base + "/", base + "/public", base + "/auth/logout"), found.pages());
        assertEquals(List.of(), found.signOut());
    }

    @Test
    void a_signed_in_audit_that_starts_on_a_page_of_another_origin_is_refused_in_one_line() {
        text("/", "redirect", "http://localhost:" + URI.create(base).getPort() + "/home");
        page("/home");
        AuditException refused = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class,
            () -> signedIn().find(URI.create(base + "/"), 100));
        assertTrue(refused.getMessage().startsWith(base + "/ leads to http://localhost:"), refused.getMessage());
        assertEquals(List.of("127.0.0.1 / t0ken", "localhost /home null"), asked);
    }
}
