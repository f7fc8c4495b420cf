package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class StaffServletTest {
    private final TestSite site = TestSite.newsroom();

    private Browsing admin() {
        Browsing browser = new Browsing(site);
        assertEquals(303, browser.signIn("admin@meridian-east.example", site.password("admin@meridian-east.example")).statusCode());
        return browser;
    }

    @Test
    void an_administrator_adds_a_writer_who_can_then_sign_in() {
        Browsing admin = admin();
        assertEquals(303, admin.post("/newsroom/staff", Map.of("name", "Nadia Test", "email", "nadia@example.org",
            "role", "contributor", "password", "a long enough password")).statusCode());
        assertTrue(admin.page("/newsroom/staff").text().contains("nadia@example.org"));
        assertEquals(303, new Browsing(site).signIn("nadia@example.org", "a long enough password").statusCode());
        assertTrue(admin.page("/newsroom/activity").text().contains("staff.create"), "the change is in the activity log");
    }

    @Test
    void only_administrators_see_staff_and_the_activity_log() {
        Browsing editor = EditorServletTest.editor(site);
        assertEquals(403, editor.get("/newsroom/staff").statusCode());
        assertEquals(403, editor.get("/newsroom/activity").statusCode());
    }

    @Test
    void the_last_administrator_cannot_be_demoted() {
        Browsing admin = admin();
        long id = site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT id FROM users WHERE email = 'admin@meridian-east.example'").mapTo(Long.class).one());
        var r = admin.post("/newsroom/staff/" + id, Map.of("role", "editor"));
        assertEquals(422, r.statusCode());
        assertTrue(Jsoup.parse(r.body()).selectFirst(".app-error-summary").text().contains("only active administrator"));
    }
}
