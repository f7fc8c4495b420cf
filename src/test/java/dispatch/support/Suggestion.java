package dispatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.account.Accounts;
import dispatch.account.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;

/**
 * A change to a published article suggested by a contributor and waiting for an editor, made as
 * a contributor makes one (through the editor's form), for the tests that look at its pages.
 *
 * @param article    the published article
 * @param revision   the suggestion's revision number
 * @param current    the revision readers get now
 * @param shownImage an image that published articles show
 */
public record Suggestion(long article, int revision, int current, long shownImage) {

    /** A new suggestion on the second most recent published article of the site. */
    public static Suggestion waiting(TestSite site) {
        long article = number(site, "SELECT id FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1 OFFSET 1");
        String email = "suggesting-" + UUID.randomUUID() + "@example.org";
        String password = "suggest " + UUID.randomUUID();
        new Accounts(site.database(), Clock.systemUTC(), Accounts.realPause())
            .create(email, "Sam Contributor", Role.CONTRIBUTOR, password, null);
        Browsing contributor = new Browsing(site);
        assertEquals(303, contributor.signIn(email, password).statusCode());
        Document page = contributor.page("/newsroom/articles/" + article);
        var fields = new ArrayList<Map.Entry<String, String>>();
        for (var field : Browsing.fields(page.selectFirst("form.app-editor"), "save")) {
            fields.add(field.getKey().equals("standfirst") ? Map.entry("standfirst", field.getValue() + " Updated.") : field);
        }
        assertEquals(303, contributor.post("/newsroom/articles/" + article, fields).statusCode());
        int revision = (int) number(site, "SELECT MAX(number) FROM revisions WHERE article_id = " + article
            + " AND review = 'pending'");
        int current = (int) number(site, "SELECT MAX(number) FROM revisions WHERE article_id = " + article
            + " AND review IS NULL");
        long image = number(site, "SELECT lead_image_id FROM articles WHERE status = 'published' AND lead_image_id IS NOT NULL"
            + " ORDER BY id LIMIT 1");
        return new Suggestion(article, revision, current, image);
    }

    public String opened() {
        return "/newsroom/articles/" + article + "?revision=" + revision;
    }

    public String compared() {
        return "/newsroom/articles/" + article + "/revisions/compare?from=" + current + "&to=" + revision;
    }

    private static long number(TestSite site, String sql) {
        return site.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
