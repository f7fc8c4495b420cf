package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The newsroom's forms, filled in as a person would, for the security tests. */
final class Newsroom {
    private Newsroom() {}

    static String one(TestSite site, String sql) {
        return find(site, sql).orElseThrow(() -> new AssertionError("nothing for " + sql));
    }

    static java.util.Optional<String> find(TestSite site, String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).findFirst());
    }

    /** A PNG of an orange panel, as a camera never made it. */
    static byte[] png(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
            java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A complete, valid article form that passes the checks with no warning. */
    static List<Map.Entry<String, String>> article(TestSite site, String headline, String body, String action) {
        return new ArrayList<>(List.of(
            Map.entry("headline", headline), Map.entry("standfirst", "What the piece tells readers, in a sentence."),
            Map.entry("kind", "news"), Map.entry("section", one(site, "SELECT id FROM sections WHERE slug = 'turkey'")),
            Map.entry("authors", one(site, "SELECT id FROM authors WHERE slug = 'emre-kaya'")),
            Map.entry("topics", one(site, "SELECT id FROM topics WHERE slug = 'economy'")),
            Map.entry("dateline", "Istanbul"), Map.entry("language", "en"), Map.entry("access", "free"),
            Map.entry("body", body), Map.entry("lead-image", ""), Map.entry("action", action)));
    }

    /** The form with one field's value changed (the first of that name). */
    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String field, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>();
        boolean done = false;
        for (var e : form) {
            if (!done && e.getKey().equals(field)) {
                changed.add(Map.entry(field, value));
                done = true;
            } else {
                changed.add(e);
            }
        }
        if (!done) {
            changed.add(Map.entry(field, value));
        }
        return changed;
    }

    static long savedId(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
    }

    /** The version the article's edit form carries now. */
    static String version(TestSite site, long id) {
        return one(site, "SELECT version FROM articles WHERE id = " + id);
    }

    /** Publishes a new article (as someone allowed to) and returns its id. */
    static long published(TestSite site, Browsing editor, String headline, String body) {
        return savedId(editor.post("/newsroom/articles/new", article(site, headline, body, "publish")));
    }

    /** A draft saved twice, so that it has revisions 1 and 2; returns its id. */
    static String draftWithTwoRevisions(TestSite site, Browsing staff) {
        String headline = "A draft with history " + System.nanoTime();
        long id = savedId(staff.post("/newsroom/articles/new", article(site, headline, "First words.", "save")));
        var second = with(article(site, headline, "Second words.", "save"), "version", version(site, id));
        savedId(staff.post("/newsroom/articles/" + id, second));
        return String.valueOf(id);
    }

    /** A newsletter issue composed from the latest published article; returns its id. */
    static String issue(TestSite site, Browsing editor) {
        HttpResponse<String> r = editor.post("/newsroom/newsletters/new", issueForm(editor, "An issue for the rules"));
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow().replaceAll(".*/newsletters/(\\d+).*", "$1");
    }

    /** The compose form with the first article it offers ticked, as an editor would fill it in. */
    static List<Map.Entry<String, String>> issueForm(Browsing editor, String subject) {
        String article = editor.page("/newsroom/newsletters/new").selectFirst("input[name=articles]").val();
        return List.of(Map.entry("newsletter", "daily-briefing"), Map.entry("subject", subject), Map.entry("intro", ""),
            Map.entry("articles", article));
    }
}
