package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dispatch.security.People.Who;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Who gets what, for every route the site answers and both methods it uses: one row per route
 * and method, one column per kind of person, each cell the answer expected. Every POST carries
 * a valid CSRF token for that person's session, so the table is about authorisation, not CSRF;
 * a POST carries no other fields, so where it is allowed the answer is the form's own complaint
 * (422) or what the action does. The rows must name every servlet mapping of the running site:
 * a new route without its rows fails {@link #every_route_of_the_running_site_has_rows_for_get_and_post}.
 *
 * <p>Cells: a status code; {@code in} for a redirect to a sign-in page (the newsroom's or the
 * public site's); {@code again} for the newsroom's "sign in again" form, which keeps an anonymous
 * POST (an editor whose session ran out) so that it can be sent again after signing in. A method
 * a route does not serve is 405 for everyone, before anyone is asked who they are: the answer
 * says only what the route's Allow header says to all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class AuthorisationTableTest {
    private static final String TABLE = """
        # mapping                    method path                                                     anon    reader  member  contrib editor  admin
        # Reading the publication
        (root)                       GET    /                                                        200     200     200     200     200     200
        (root)                       POST   /                                                        405     405     405     405     405     405
        /articles/*                  GET    /articles/{free}                                         200     200     200     200     200     200
        /articles/*                  GET    /articles/{memo}                                         200     200     200     200     200     200
        /articles/*                  POST   /articles/{free}                                         405     405     405     405     405     405
        /sections/*                  GET    /sections/{section}                                      200     200     200     200     200     200
        /sections/*                  POST   /sections/{section}                                      405     405     405     405     405     405
        /topics/*                    GET    /topics/{topic}                                          200     200     200     200     200     200
        /topics/*                    POST   /topics/{topic}                                          405     405     405     405     405     405
        /authors/*                   GET    /authors/{author}                                        200     200     200     200     200     200
        /authors/*                   POST   /authors/{author}                                        405     405     405     405     405     405
        /search                      GET    /search?q=oil                                            200     200     200     200     200     200
        /search                      POST   /search                                                  405     405     405     405     405     405
        /archive/*                   GET    /archive                                                 200     200     200     200     200     200
        /archive/*                   POST   /archive                                                 405     405     405     405     405     405
        /preferences                 GET    /preferences                                             200     200     200     200     200     200
        /preferences                 POST   /preferences                                             303     303     303     303     303     303
        /language/*                  GET    /language/ar?back=/                                      303     303     303     303     303     303
        /language/*                  POST   /language/ar                                             405     405     405     405     405     405
        /feeds/*                     GET    /feeds/all.rss                                           200     200     200     200     200     200
        /feeds/*                     POST   /feeds/all.rss                                           405     405     405     405     405     405
        /sitemap.xml                 GET    /sitemap.xml                                             200     200     200     200     200     200
        /sitemap.xml                 POST   /sitemap.xml                                             405     405     405     405     405     405
        /sitemaps/*                  GET    /sitemaps/pages.xml                                      200     200     200     200     200     200
        /sitemaps/*                  POST   /sitemaps/pages.xml                                      405     405     405     405     405     405
        /sitemap-news.xml            GET    /sitemap-news.xml                                        200     200     200     200     200     200
        /sitemap-news.xml            POST   /sitemap-news.xml                                        405     405     405     405     405     405
        /robots.txt                  GET    /robots.txt                                              200     200     200     200     200     200
        /robots.txt                  POST   /robots.txt                                              405     405     405     405     405     405
        /about                       GET    /about                                                   200     200     200     200     200     200
        /about                       POST   /about                                                   405     405     405     405     405     405
        /accessibility               GET    /accessibility                                           200     200     200     200     200     200
        /accessibility               POST   /accessibility                                           405     405     405     405     405     405
        /accessibility/report        GET    /accessibility/report                                    200     200     200     200     200     200
        /accessibility/report        POST   /accessibility/report                                    422     422     422     422     422     422
        # Readers' accounts
        /account/*                   GET    /account                                                 in      200     200     200     200     200
        /account/*                   POST   /account/password                                        in      200     200     200     200     200
        /account/register            GET    /account/register                                        200     200     200     200     200     200
        /account/register            POST   /account/register                                        422     422     422     422     422     422
        /account/sign-in             GET    /account/sign-in                                         200     200     200     200     200     200
        /account/sign-in             POST   /account/sign-in                                         200     200     200     200     200     200
        /account/sign-out            GET    /account/sign-out                                        405     405     405     405     405     405
        /account/sign-out            POST   /account/sign-out                                        303     303     303     303     303     303
        /account/forgot-password     GET    /account/forgot-password                                 200     200     200     200     200     200
        /account/forgot-password     POST   /account/forgot-password                                 200     200     200     200     200     200
        /account/reset-password      GET    /account/reset-password?token=x                          410     410     410     410     410     410
        /account/reset-password      POST   /account/reset-password                                  410     410     410     410     410     410
        /account/verify              GET    /account/verify?token=x                                  410     410     410     410     410     410
        /account/verify              POST   /account/verify                                          303     303     303     303     303     303
        /account/confirm-email       GET    /account/confirm-email?token=x                           410     410     410     410     410     410
        /account/confirm-email       POST   /account/confirm-email                                   303     303     303     303     303     303
        /account/data                GET    /account/data                                            in      200     200     200     200     200
        /account/data                POST   /account/data                                            405     405     405     405     405     405
        /account/delete              GET    /account/delete                                          in      200     200     200     200     200
        /account/delete              POST   /account/delete                                          in      200     200     200     200     200
        # Membership
        /membership/*                GET    /membership                                              200     200     200     200     200     200
        /membership/*                POST   /membership/join                                         in      303     303     303     303     303
        /membership/test-checkout/*  GET    /membership/test-checkout/nothing                        404     404     404     404     404     404
        /membership/test-checkout/*  POST   /membership/test-checkout/nothing                        404     404     404     404     404     404
        # Newsletters
        /newsletters/*               GET    /newsletters                                             200     200     200     200     200     200
        /newsletters/*               POST   /newsletters/subscribe                                   404     404     404     404     404     404
        # The newsroom
        /newsroom                    GET    /newsroom                                                in      403     403     200     200     200
        /newsroom                    POST   /newsroom                                                405     405     405     405     405     405
        /newsroom/sign-in            GET    /newsroom/sign-in                                        200     200     200     200     200     200
        /newsroom/sign-in            POST   /newsroom/sign-in                                        200     200     200     200     200     200
        /newsroom/sign-out           GET    /newsroom/sign-out                                       405     405     405     405     405     405
        /newsroom/sign-out           POST   /newsroom/sign-out                                       again   403     403     303     303     303
        /newsroom/articles/*         GET    /newsroom/articles/new                                   in      403     403     200     200     200
        /newsroom/articles/*         POST   /newsroom/articles/new                                   again   403     403     422     422     422
        /newsroom/articles/*         GET    /newsroom/articles/{article}                             in      403     403     200     200     200
        /newsroom/articles/*         POST   /newsroom/articles/{article}                             again   403     403     422     422     422
        /newsroom/articles/*         GET    /newsroom/articles/{draft}/revisions                     in      403     403     200     200     200
        /newsroom/articles/*         GET    /newsroom/articles/{draft}/revisions/compare?from=1&to=2 in      403     403     200     200     200
        /newsroom/articles/*         POST   /newsroom/articles/{draft}/revisions/1/restore           again   403     403     303     303     303
        /newsroom/images/*           GET    /newsroom/images                                         in      403     403     200     200     200
        /newsroom/images/*           POST   /newsroom/images                                         again   403     403     422     422     422
        /newsroom/images/*           GET    /newsroom/images/{image}                                 in      403     403     200     200     200
        /newsroom/images/*           POST   /newsroom/images/{image}                                 again   403     403     403     422     422
        /newsroom/staff/*            GET    /newsroom/staff                                          in      403     403     403     403     200
        /newsroom/staff/*            POST   /newsroom/staff                                          again   403     403     403     403     422
        /newsroom/staff/*            GET    /newsroom/staff/{person}                                 in      403     403     403     403     200
        /newsroom/staff/*            POST   /newsroom/staff/{person}                                 again   403     403     403     403     422
        /newsroom/activity           GET    /newsroom/activity                                       in      403     403     403     403     200
        /newsroom/activity           POST   /newsroom/activity                                       405     405     405     405     405     405
        /newsroom/plans/*            GET    /newsroom/plans                                          in      403     403     403     403     200
        /newsroom/plans/*            GET    /newsroom/plans/{plan}                                   in      403     403     403     403     200
        /newsroom/plans/*            POST   /newsroom/plans/{plan}                                   again   403     403     403     403     422
        /newsroom/newsletters/*      GET    /newsroom/newsletters                                    in      403     403     403     200     200
        /newsroom/newsletters/*      GET    /newsroom/newsletters/new                                in      403     403     403     200     200
        /newsroom/newsletters/*      POST   /newsroom/newsletters/new                                again   403     403     403     422     422
        /newsroom/newsletters/*      GET    /newsroom/newsletters/{issue}                            in      403     403     403     200     200
        /newsroom/newsletters/*      GET    /newsroom/newsletters/{issue}/email                      in      403     403     403     200     200
        /newsroom/newsletters/*      POST   /newsroom/newsletters/{issue}/send                       again   403     403     403     303     303
        /newsroom/audits             GET    /newsroom/audits                                         in      403     403     403     200     200
        /newsroom/audits             POST   /newsroom/audits                                         again   403     403     403     422     422
        # Operations and files
        /healthz                     GET    /healthz                                                 200     200     200     200     200     200
        /healthz                     POST   /healthz                                                 405     405     405     405     405     405
        /readyz                      GET    /readyz                                                  200     200     200     200     200     200
        /readyz                      POST   /readyz                                                  405     405     405     405     405     405
        /metrics                     GET    /metrics                                                 200     200     200     200     200     200
        /metrics                     POST   /metrics                                                 405     405     405     405     405     405
        /media/*                     GET    /media/{media}                                           200     200     200     200     200     200
        /media/*                     POST   /media/{media}                                           405     405     405     405     405     405
        /assets/*                    GET    /assets/{css}                                            200     200     200     200     200     200
        /assets/*                    POST   /assets/{css}                                            405     405     405     405     405     405
        /                            GET    /favicon.svg                                             200     200     200     200     200     200
        /                            GET    /no-such-page                                            404     404     404     404     404     404
        /                            POST   /favicon.svg                                             405     405     405     405     405     405
        /error                       GET    /error                                                   404     404     404     404     404     404
        /error                       POST   /error                                                   405     405     405     405     405     405
        """;

    /** One line of the table. */
    record Row(String mapping, String method, String path, Map<Who, String> expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private TestSite site;
    private Server server;
    private People people;
    private final Map<String, String> values = new HashMap<>();

    @BeforeAll
    void start() {
        site = TestSite.withSettings(Map.of(), started -> server = started);
        people = new People(site);
        values.put("free", one("SELECT slug FROM articles WHERE status = 'published' AND access = 'free' ORDER BY published_at DESC"));
        values.put("memo", one("SELECT slug FROM articles WHERE status = 'published' AND access = 'members' ORDER BY published_at DESC"));
        values.put("section", one("SELECT slug FROM sections ORDER BY id"));
        values.put("topic", one("SELECT slug FROM topics ORDER BY id"));
        values.put("author", one("SELECT slug FROM authors ORDER BY id"));
        values.put("article", one("SELECT id FROM articles WHERE status = 'published' ORDER BY published_at DESC"));
        values.put("image", one("SELECT lead_image_id FROM articles WHERE status = 'published' AND lead_image_id IS NOT NULL"));
        values.put("media", one("SELECT file FROM images ORDER BY id"));
        values.put("plan", one("SELECT code FROM plans ORDER BY code"));
        values.put("person", String.valueOf(people.account(Who.CONTRIBUTOR).id()));
        Browsing admin = people.browser(Who.ADMIN);
        values.put("draft", Newsroom.draftWithTwoRevisions(site, admin));
        values.put("issue", Newsroom.issue(site, admin));
        values.put("css", Jsoup.parse(site.get("/").body()).selectFirst("link[rel=stylesheet]").attr("href")
            .replaceFirst("^/assets/", ""));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private String one(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).first());
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            assertEquals(3 + Who.values().length, cells.length, "a row has a mapping, a method, a path and a cell for each person: " + line);
            Map<Who, String> expected = new java.util.EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                expected.put(who, cells[3 + who.ordinal()]);
            }
            rows.add(new Row(cells[0].equals("(root)") ? "" : cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicContainer> every_route_and_method_answers_each_person_as_the_table_says() {
        return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.toString(),
            Arrays.stream(Who.values()).map(who -> DynamicTest.dynamicTest(
                who.name().toLowerCase() + " gets " + row.expected().get(who), () -> check(row, who)))));
    }

    private void check(Row row, Who who) {
        String path = row.path();
        for (var value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        // Signing out ends the session it is sent with: give it a session of its own.
        Browsing browser = path.endsWith("/sign-out") ? people.fresh(who) : people.browser(who);
        HttpResponse<String> response = row.method().equals("GET") ? browser.get(path) : browser.post(path, List.of());
        String expected = row.expected().get(who);
        String seen = response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
        switch (expected) {
            case "in" -> assertTrue((response.statusCode() == 302 || response.statusCode() == 303)
                && response.headers().firstValue("Location").orElse("").matches("(/newsroom|/account)/sign-in.*"),
                "a redirect to sign in, not " + seen);
            case "again" -> {
                assertEquals(200, response.statusCode());
                assertTrue(response.body().contains("name=\"resume_action\""), "the newsroom's sign-in-again form");
            }
            default -> assertEquals(Integer.parseInt(expected), response.statusCode(), seen);
        }
    }

    @Test
    void every_route_of_the_running_site_has_rows_for_get_and_post() {
        ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
        Set<String> mapped = Arrays.stream(context.getServletHandler().getServletMappings())
            .flatMap(m -> Arrays.stream(m.getPathSpecs())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> get = rows().stream().filter(r -> r.method().equals("GET")).map(Row::mapping).collect(Collectors.toCollection(TreeSet::new));
        Set<String> post = rows().stream().filter(r -> r.method().equals("POST")).map(Row::mapping).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(get);
        Set<String> missingPost = new TreeSet<>(mapped);
        missingPost.removeAll(post);
        Set<String> unknown = new TreeSet<>(get);
        unknown.addAll(post);
        unknown.removeAll(mapped);
        if (!missing.isEmpty() || !missingPost.isEmpty() || !unknown.isEmpty()) {
            fail("routes without a GET row: " + missing + "; without a POST row: " + missingPost
                + "; rows for no route: " + unknown);
        }
    }
}
