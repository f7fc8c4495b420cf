package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dispatch.support.Browsing;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes of one site on one PostgreSQL, as behind a load balancer: whatever one node
 * knows about a reader (a session, a form's token) the other knows too, and a change made on
 * one reaches the pages the other keeps. Runs in the PostgreSQL test run only.
 */
@Tag("postgresql")
class SeveralNodesTest {
    private static TestSite a;
    private static TestSite b;

    @BeforeAll
    static void twoNodes() {
        assumeTrue(TestDatabase.postgresql(), "several nodes share one PostgreSQL; SQLite is one node's own file");
        a = TestSite.demoWith(Map.of());
        b = a.anotherNode();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static Browsing editorOn(TestSite node) {
        Browsing browser = new Browsing(node);
        assertEquals(303, browser.signIn("editor@meridian-east.example", node.password("editor@meridian-east.example")).statusCode());
        return browser;
    }

    private static long id(String sql) {
        return a.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<Map.Entry<String, String>> article(String headline) {
        return List.of(
            Map.entry("headline", headline), Map.entry("standfirst", "What the piece tells readers, in a sentence."),
            Map.entry("kind", "news"), Map.entry("section", String.valueOf(id("SELECT id FROM sections WHERE slug = 'turkey'"))),
            Map.entry("authors", String.valueOf(id("SELECT id FROM authors WHERE slug = 'emre-kaya'"))),
            Map.entry("topics", String.valueOf(id("SELECT id FROM topics WHERE slug = 'economy'"))),
            Map.entry("dateline", "Istanbul"), Map.entry("language", "en"), Map.entry("access", "free"),
            Map.entry("body", "The ferries ran again on Friday."), Map.entry("lead-image", ""), Map.entry("action", "publish"));
    }

    @Test
    void a_session_made_on_one_node_is_signed_in_on_the_other() {
        Browsing onA = editorOn(a);
        HttpResponse<String> onB = onA.at(b).get("/newsroom");
        assertEquals(200, onB.statusCode(), "node B knows the session node A made");
        assertEquals("Articles", Jsoup.parse(onB.body()).selectFirst("h1").text());

        HttpResponse<String> stranger = new Browsing(b).get("/newsroom");
        assertEquals(302, stranger.statusCode(), "without the cookie, B asks to sign in");
        assertTrue(stranger.headers().firstValue("Location").orElse("").contains("/newsroom/sign-in"));
    }

    @Test
    void a_form_rendered_on_one_node_is_accepted_by_the_other() {
        Browsing onA = editorOn(a);
        String token = onA.page("/newsroom/articles/new").selectFirst("input[name=csrf]").val();
        var fields = new java.util.ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("csrf", token));  // first, so it is the one read
        fields.addAll(article("Draft written on node A"));
        HttpResponse<String> saved = onA.at(b).post("/newsroom/articles/new", fields);
        assertEquals(303, saved.statusCode(), "node B accepts the form node A rendered");
    }

    @Test
    void a_meter_cookie_given_by_one_node_is_honoured_by_the_other() {
        List<String> free = a.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT '/articles/' || slug FROM articles WHERE access = 'free' AND status = 'published'"
                + " ORDER BY published_at DESC LIMIT 4").mapTo(String.class).list());
        Browsing onA = new Browsing(a);
        Browsing onB = onA.at(b);
        onA.get(free.get(0));
        assertEquals("You have 1 free article left this month.", meterNote(onB.get(free.get(1))),
            "node B counts on from node A's cookie");
        assertEquals("This is your last free article this month.", meterNote(onA.get(free.get(2))),
            "and node A from node B's");
        assertTrue(onB.get(free.get(3)).body().contains("app-paywall"), "three read across both nodes: gated");
        String cookie = onA.cookie("dispatch_meter").orElseThrow();
        assertTrue(onA.get(free.get(0)).headers().allValues("Set-Cookie").isEmpty(), "read on node A already");
        assertEquals(cookie, onB.cookie("dispatch_meter").orElseThrow());
        assertEquals(1, count("SELECT COUNT(*) FROM meter_key"), "one key for every node");
    }

    private static String meterNote(HttpResponse<String> response) {
        var note = Jsoup.parse(response.body()).selectFirst(".app-meter");
        return note == null ? null : note.text();
    }

    @Test
    void a_page_kept_by_one_node_is_refreshed_after_an_edit_published_on_the_other() throws Exception {
        String headline = "Ferries return to the strait after the storm";
        String before = b.get("/").body();
        assertFalse(before.contains(headline));
        assertEquals(before, b.get("/").body(), "node B keeps its front page");

        // The page cache keeps pages for a minute; the notice from node A arrives in milliseconds.
        assertTrue(publishedOnAShowsOnB(headline), "node B's front page shows the article published on node A");
        assertTrue(a.get("/").body().contains(headline));
    }

    @Test
    void a_node_whose_listening_connection_breaks_listens_again_and_still_hears_changes() throws Exception {
        // As if PostgreSQL restarted or the network dropped: end both nodes' listening connections.
        String listeners = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query LIKE 'LISTEN %'";
        assertEquals(2, count(listeners));
        a.database().jdbi().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND query LIKE 'LISTEN %'").mapTo(Boolean.class).list());
        for (int i = 0; i < 50 && count(listeners) < 2; i++) {
            Thread.sleep(100);
        }
        assertEquals(2, count(listeners), "both nodes listen again");

        String headline = "Grain ships leave the port at dawn";
        b.get("/");
        assertTrue(publishedOnAShowsOnB(headline), "node B heard of the change through its new connection");
    }

    /** Publishes an article on node A; true once node B's front page shows it, within five seconds. */
    private static boolean publishedOnAShowsOnB(String headline) throws InterruptedException {
        HttpResponse<String> published = editorOn(a).post("/newsroom/articles/new", article(headline));
        assertEquals(303, published.statusCode(), published.body());
        for (int i = 0; i < 50; i++) {
            if (b.get("/").body().contains(headline)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int count(String sql) {
        return a.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void nodes_starting_together_on_an_empty_database_load_the_demo_publication_once() throws Exception {
        String url = TestDatabase.freshUrl();
        java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("dispatch-nodes");
        dispatch.db.Database one = dispatch.db.Database.open(url, "postgres", null);
        dispatch.db.Database two = dispatch.db.Database.open(url, "postgres", null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> new dispatch.demo.DemoPublication(one, dataDir).loadIfEmpty());
            var second = pool.submit(() -> new dispatch.demo.DemoPublication(two, dataDir).loadIfEmpty());
            assertTrue(first.get() ^ second.get(), "exactly one of them loads it");
            int articles = one.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
            assertEquals(50, articles);
        } finally {
            pool.shutdown();
            one.close();
            two.close();
        }
    }
}
