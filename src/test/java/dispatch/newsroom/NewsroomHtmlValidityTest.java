package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.Browsing;
import dispatch.support.HtmlValidator;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every newsroom page and state is valid HTML by the Nu Html Checker's rules. */
class NewsroomHtmlValidityTest {
    private final TestSite site = TestSite.newsroom();
    private final HtmlValidator checker = new HtmlValidator();

    private long id(String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void every_newsroom_page_and_state_is_valid_html() {
        Browsing out = new Browsing(site);
        assertValid("sign in", out.get("/newsroom/sign-in").body());
        assertValid("sign in with errors", out.post("/newsroom/sign-in", Map.of("email", "", "password", "")).body());
        assertValid("expired form", out.post("/newsroom/sign-in", List.of(Map.entry("csrf", "old"))).body());

        Browsing admin = new Browsing(site);
        admin.signIn("admin@meridian-east.example", site.password("admin@meridian-east.example"));
        long article = id("SELECT id FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1");
        long image = id("SELECT id FROM images ORDER BY id LIMIT 1");
        long person = id("SELECT id FROM users ORDER BY id LIMIT 1");
        for (String path : List.of("/newsroom", "/newsroom/articles/new", "/newsroom/articles/" + article,
                "/newsroom/articles/" + article + "/revisions", "/newsroom/images", "/newsroom/images/" + image,
                "/newsroom/staff", "/newsroom/staff/" + person, "/newsroom/activity", "/newsroom/plans",
                "/newsroom/plans/annual")) {
            assertValid(path, admin.get(path).body());
        }
        assertValid("editor with errors", admin.post("/newsroom/articles/new", Map.of("action", "publish")).body());
        dispatch.support.Suggestion suggestion = dispatch.support.Suggestion.waiting(site);
        for (String path : List.of("/newsroom/articles/" + suggestion.article(), suggestion.opened(), suggestion.compared(),
                "/newsroom/articles/" + suggestion.article() + "/revisions")) {
            assertValid(path, admin.get(path).body());
        }
        assertValid("image shown in published articles, with errors", admin.post(
            "/newsroom/images/" + suggestion.shownImage(), Map.of("alt", "")).body());
        assertValid("plan with errors", admin.post("/newsroom/plans/annual", Map.of("price", "free")).body());
        assertValid("session ended during a save", new Browsing(site).post("/newsroom/articles/new",
            Map.of("headline", "Kept", "action", "save")).body());
    }

    private void assertValid(String name, String html) {
        assertEquals(List.of(), checker.errors(html), name);
    }
}
