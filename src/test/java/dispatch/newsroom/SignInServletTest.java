package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class SignInServletTest {
    private final TestSite site = TestSite.newsroom();

    @Test
    void the_newsroom_sends_visitors_to_sign_in_and_back() {
        Browsing browser = new Browsing(site);
        HttpResponse<String> r = browser.get("/newsroom/images");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/newsroom/sign-in?next=%2Fnewsroom%2Fimages"));
        HttpResponse<String> signIn = browser.post("/newsroom/sign-in", Map.of(
            "email", "editor@meridian-east.example", "password", site.password("editor@meridian-east.example"), "next", "/newsroom/images"));
        assertEquals(303, signIn.statusCode());
        assertEquals("/newsroom/images", signIn.headers().firstValue("Location").orElse(""));
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dispatch_session="))
            .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals(200, browser.get("/newsroom/images").statusCode());
    }

    @Test
    void sign_in_form_has_labelled_fields_with_autocomplete_and_nothing_blocks_pasting() {
        Document doc = new Browsing(site).page("/newsroom/sign-in");
        Element email = doc.selectFirst("input#email");
        assertEquals("Email address", doc.selectFirst("label[for=email]").text());
        assertEquals("email", email.attr("autocomplete"));
        assertEquals("email", email.attr("type"));
        Element password = doc.selectFirst("input#password");
        assertEquals("Password", doc.selectFirst("label[for=password]").text());
        assertEquals("current-password", password.attr("autocomplete"));
        assertTrue(doc.select("[onpaste], [oncopy], script").isEmpty());
    }

    @Test
    void a_wrong_password_is_explained_in_an_error_summary_and_keeps_the_address() {
        Browsing browser = new Browsing(site);
        HttpResponse<String> r = browser.post("/newsroom/sign-in", Map.of(
            "email", "writer@meridian-east.example", "password", "not it at all", "next", "/newsroom"));
        Document doc = Jsoup.parse(r.body());
        assertTrue(doc.title().startsWith("Error: "), doc.title());
        assertNotNull(doc.selectFirst(".app-error-summary a[href=#email]"));
        assertEquals("writer@meridian-east.example", doc.selectFirst("input#email").val());
        assertEquals("", doc.selectFirst("input#password").val(), "the password is never sent back");
        assertTrue(doc.selectFirst("input#email").attr("aria-describedby").contains("email-error"));
    }

    @Test
    void a_form_without_its_csrf_token_changes_nothing() {
        Browsing browser = new Browsing(site);
        browser.csrf();
        HttpResponse<String> r = browser.post("/newsroom/sign-in", List.of(
            Map.entry("email", "editor@meridian-east.example"), Map.entry("password", site.password("editor@meridian-east.example")),
            Map.entry("csrf", "forged")));
        // The forged token comes first, so it is the one read.
        assertEquals(403, r.statusCode());
        assertEquals("This form has expired – Meridian East", Jsoup.parse(r.body()).title());
    }

    @Test
    void an_editor_whose_session_ended_signs_in_again_without_losing_their_text() {
        Browsing browser = new Browsing(site);
        browser.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example"));
        browser.forget("dispatch_session");
        HttpResponse<String> r = browser.post("/newsroom/articles/new", List.of(
            Map.entry("headline", "A headline typed with care"), Map.entry("body", "Paragraph one.\n\nParagraph two."),
            Map.entry("action", "save")));
        Document signIn = Jsoup.parse(r.body());
        assertEquals("Sign in again", signIn.selectFirst("h1").text());
        assertEquals("Paragraph one.\n\nParagraph two.", signIn.selectFirst("input[name=carried.body]").val());
        HttpResponse<String> again = browser.post("/newsroom/sign-in", List.of(
            Map.entry("email", "editor@meridian-east.example"), Map.entry("password", site.password("editor@meridian-east.example")),
            Map.entry("next", "/newsroom"), Map.entry("resume_action", "/newsroom/articles/new"),
            Map.entry("carried.headline", "A headline typed with care"),
            Map.entry("carried.body", "Paragraph one.\n\nParagraph two."), Map.entry("carried.action", "save")));
        Document resume = Jsoup.parse(again.body());
        assertEquals("/newsroom/articles/new", resume.selectFirst("main form").attr("action"));
        assertEquals("A headline typed with care", resume.selectFirst("input[name=headline]").val());
        assertEquals("save", resume.selectFirst("input[name=action]").val());
    }

    @Test
    void signing_out_ends_the_session() {
        Browsing browser = new Browsing(site);
        browser.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example"));
        assertEquals(303, browser.post("/newsroom/sign-out", Map.of()).statusCode());
        assertEquals(302, browser.get("/newsroom").statusCode());
    }
}
