package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Forms that write, posted at the same moment by many people, all succeed: each write waits for
 * its turn rather than failing at once with "database is locked" (SQLite) or a 500.
 */
@Tag("postgresql")
class ConcurrentWritesTest {
    private static final int ROUNDS = 3;
    private static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.demoWith(Map.of());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void registrations_sign_ups_and_newsroom_saves_posted_at_once_all_succeed_and_are_all_stored() throws Exception {
        Browsing staff = StaffSession.administrator(site);
        long image = site.database().jdbi().withHandle(h ->
            h.createQuery("SELECT MIN(id) FROM images").mapTo(Long.class).one());
        for (int round = 0; round < ROUNDS; round++) {
            // This is about writers meeting, not the forms' limits per client, which every post
            // from this one address would soon reach: each round starts with none counted.
            site.database().jdbi().useHandle(h -> h.execute("DELETE FROM rate_limits"));
            List<Supplier<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Browsing reader = new Browsing(site);
                reader.csrf();  // the form's token, fetched before the rush, as a browser showing the form has it
                String email = "concurrent-" + round + "-" + i + "@example.org";
                posts.add(() -> reader.post("/account/register", Map.of("name", "Reader " + email, "email", email,
                    "password", "a long enough passphrase " + email, "next", "/account")));
            }
            for (int i = 0; i < 8; i++) {
                Browsing reader = new Browsing(site);
                String email = "letters-" + round + "-" + i + "@example.org";
                posts.add(() -> reader.post("/newsletters/subscribe",
                    Map.of("newsletter", "daily-briefing", "email-daily-briefing", email)));
            }
            for (int i = 0; i < 4; i++) {
                String alt = "Alt text written at once, round " + round + ", save " + i;
                posts.add(() -> staff.post("/newsroom/images/" + image, Map.of("alt", alt, "caption", "", "credit", "")));
            }
            List<HttpResponse<String>> answers = all(posts);
            for (HttpResponse<String> r : answers) {
                assertTrue(r.statusCode() < 400, r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        assertEquals(10 * ROUNDS, count("SELECT COUNT(*) FROM users WHERE email LIKE 'concurrent-%'"), "every registration");
        assertEquals(8 * ROUNDS, count("SELECT COUNT(*) FROM newsletter_subscriptions WHERE email LIKE 'letters-%'"),
            "every sign-up");
        assertEquals(4 * ROUNDS, count("SELECT COUNT(*) FROM activity_log WHERE action = 'image.described'"), "every save");
    }

    /** Sends every post at the same moment, each from its own thread, and waits for all the answers. */
    private static List<HttpResponse<String>> all(List<Supplier<HttpResponse<String>>> posts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(posts.size());
        try {
            CyclicBarrier together = new CyclicBarrier(posts.size());
            List<CompletableFuture<HttpResponse<String>>> answers = posts.stream().map(post -> CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return post.get();
            }, threads)).toList();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (var answer : answers) {
                done.add(answer.get(120, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    private static int count(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
