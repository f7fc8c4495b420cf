package dispatch.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class PreferencesServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void saved_preferences_are_applied_by_the_server_on_every_page() {
        Browsing reader = new Browsing(site);
        var saved = reader.post("/preferences", Map.of("size", "larger", "spacing", "wide", "theme", "contrast"));
        assertEquals(303, saved.statusCode());
        String cookie = saved.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dispatch_prefs="))
            .findFirst().orElseThrow();
        assertTrue(cookie.contains("Max-Age=31536000") && cookie.contains("HttpOnly"), cookie);
        for (String path : List.of("/", "/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh", "/search?q=oil")) {
            assertEquals("app-text-larger app-spacing-wide app-theme-contrast",
                Jsoup.parse(reader.get(path).body()).selectFirst("html").className(), path);
        }
        var form = reader.page("/preferences?saved");
        assertTrue(form.selectFirst("input#theme-3").hasAttr("checked"), "the form shows the saved choice");
        assertTrue(form.selectFirst(".app-notice").text().contains("saved"));
    }

    @Test
    void defaults_leave_everything_to_the_reader_s_device_and_odd_values_are_ignored() {
        Browsing reader = new Browsing(site);
        assertFalse(Jsoup.parse(reader.get("/").body()).selectFirst("html").hasClass("app-theme-dark"));
        assertFalse(Jsoup.parse(reader.get("/").body()).selectFirst("html").hasAttr("class"));
        reader.post("/preferences", Map.of("size", "enormous", "spacing", "<script>", "theme", "dark"));
        assertEquals("app-theme-dark", Jsoup.parse(reader.get("/").body()).selectFirst("html").className());
        assertEquals(ReadingPreferences.DEFAULT, ReadingPreferences.parse("garbage%%%"));
    }

    @Test
    void saving_needs_the_form_s_token() {
        Browsing reader = new Browsing(site);
        reader.csrf();
        assertEquals(403, reader.post("/preferences", List.of(Map.entry("csrf", "forged"), Map.entry("theme", "dark")))
            .statusCode());
    }
}
