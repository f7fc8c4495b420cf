package dispatch.security;

import static dispatch.security.Newsroom.article;
import static dispatch.security.Newsroom.one;
import static dispatch.security.Newsroom.savedId;
import static dispatch.security.Newsroom.version;
import static dispatch.security.Newsroom.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dispatch.account.Role;
import dispatch.account.User;
import dispatch.newsroom.Permissions;
import dispatch.newsroom.Permissions.Action;
import dispatch.security.People.Who;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every newsroom action tried over HTTP by every kind of account, against the rules written out
 * here (not read from {@link Permissions}): each cell says whether the action takes effect. An
 * action that is allowed must do what it says (the public page changes, the row is written);
 * one that is refused must leave everything as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class NewsroomPermissionsTest {
    private static final String RULES = """
        # action                    reader  contributor  editor  admin
        ENTER_NEWSROOM              no      yes          yes     yes
        CREATE_DRAFT                no      yes          yes     yes
        EDIT_DRAFT                  no      yes          yes     yes
        SUGGEST_CHANGE              no      yes          yes     yes
        CHANGE_LIVE                 no      no           yes     yes
        PUBLISH                     no      no           yes     yes
        SCHEDULE                    no      no           yes     yes
        UNPUBLISH                   no      no           yes     yes
        RESTORE_REVISION            no      yes          yes     yes
        ISSUE_CORRECTION            no      no           yes     yes
        UPLOAD_IMAGE                no      yes          yes     yes
        DESCRIBE_IMAGE              no      yes          yes     yes
        DESCRIBE_PUBLISHED_IMAGE    no      no           yes     yes
        VIEW_AUDITS                 no      no           yes     yes
        RECORD_AUDIT_REVIEW         no      no           yes     yes
        VIEW_NEWSLETTERS            no      no           yes     yes
        COMPOSE_NEWSLETTER          no      no           yes     yes
        SEND_NEWSLETTER             no      no           yes     yes
        MANAGE_STAFF                no      no           no      yes
        MANAGE_PLANS                no      no           no      yes
        VIEW_ACTIVITY               no      no           no      yes
        """;
    private static final List<Who> COLUMNS = List.of(Who.READER, Who.CONTRIBUTOR, Who.EDITOR, Who.ADMIN);

    private final TestSite site = TestSite.newsroom();
    private People people;
    private Browsing admin;

    /** Tries the action as {@code as}; true when it took effect. Fixtures are made by {@code admin}. */
    @FunctionalInterface
    interface Attempt {
        boolean took(Browsing as);
    }

    @BeforeAll
    void start() {
        people = new People(site);
        admin = people.browser(Who.ADMIN);
    }

    private static Map<Action, Map<Who, Boolean>> rules() {
        Map<Action, Map<Who, Boolean>> rules = new EnumMap<>(Action.class);
        for (String line : RULES.strip().split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            Map<Who, Boolean> row = new EnumMap<>(Who.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), cells[i + 1].equals("yes"));
            }
            rules.put(Action.valueOf(cells[0]), row);
        }
        return rules;
    }

    @Test
    void the_permission_table_says_what_these_rules_say_for_every_action_and_role() {
        Map<Action, Map<Who, Boolean>> rules = rules();
        assertEquals(Set.of(Action.values()), rules.keySet(), "every action has a rule here, and no other");
        for (Action action : Action.values()) {
            for (Who who : COLUMNS) {
                assertEquals(rules.get(action).get(who), action.allowed().contains(who.role), action + " for " + who);
            }
        }
    }

    @Test
    void a_suspended_account_may_do_nothing_whatever_its_role() {
        for (Role role : Role.values()) {
            User suspended = new User(1, "someone@example.org", "Someone", role.code(), true);
            for (Action action : Action.values()) {
                assertFalse(Permissions.allows(suspended, action), action + " for a suspended " + role);
            }
        }
    }

    @TestFactory
    Stream<DynamicContainer> every_action_tried_by_every_role_takes_effect_only_where_the_rules_allow() {
        Map<Action, Map<Who, Boolean>> rules = rules();
        Map<Action, Attempt> attempts = attempts();
        assertEquals(Set.of(Action.values()), attempts.keySet(), "every action has an attempt");
        return Arrays.stream(Action.values()).map(action -> DynamicContainer.dynamicContainer(action.name(),
            COLUMNS.stream().map(who -> DynamicTest.dynamicTest(
                who.name().toLowerCase() + (rules.get(action).get(who) ? " may" : " may not"),
                () -> assertEquals(rules.get(action).get(who), attempts.get(action).took(people.browser(who)),
                    action + " by " + who)))));
    }

    private String body(long id) {
        return one(site, "SELECT body_markdown FROM articles WHERE id = " + id);
    }

    private String publicPage(long id) {
        HttpResponse<String> page = site.get("/articles/" + one(site, "SELECT slug FROM articles WHERE id = " + id));
        return page.statusCode() + " " + Jsoup.parse(page.body()).select("main").text();
    }

    private long live(String body) {
        return Newsroom.published(site, admin, "A published piece " + System.nanoTime(), body);
    }

    private long draft() {
        return savedId(admin.post("/newsroom/articles/new", article(site, "A draft " + System.nanoTime(), "Draft words.", "save")));
    }

    /** The article's own form as its editor holds it, with one field changed. */
    private List<Map.Entry<String, String>> edit(long id, String action, String field, String value) {
        String headline = one(site, "SELECT headline FROM articles WHERE id = " + id);
        var form = with(article(site, headline, body(id), action), "version", version(site, id));
        return with(form, field, value);
    }

    private long image(String alt) throws Exception {
        HttpResponse<String> upload = admin.upload("/newsroom/images", "file", "rules " + System.nanoTime() + ".png",
            Newsroom.png(900, 500), Map.of("alt", alt, "caption", "", "credit", ""));
        assertEquals(303, upload.statusCode(), upload.body());
        return Long.parseLong(upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/images/(\\d+).*", "$1"));
    }

    private Map<Action, Attempt> attempts() {
        Map<Action, Attempt> a = new EnumMap<>(Action.class);
        a.put(Action.ENTER_NEWSROOM, as -> as.get("/newsroom").statusCode() == 200);
        a.put(Action.CREATE_DRAFT, as -> as.post("/newsroom/articles/new",
            article(site, "Created " + System.nanoTime(), "Words.", "save")).statusCode() == 303);
        a.put(Action.EDIT_DRAFT, as -> {
            long id = draft();
            as.post("/newsroom/articles/" + id, edit(id, "save", "body", "Edited words."));
            return body(id).equals("Edited words.");
        });
        a.put(Action.SUGGEST_CHANGE, as -> {
            long id = live("Published words.");
            as.post("/newsroom/articles/" + id, edit(id, "save", "body", "Suggested words."));
            int suggested = Integer.parseInt(one(site, "SELECT COUNT(*) FROM revisions WHERE article_id = " + id
                + " AND review = 'pending'"));
            return suggested == 1 || body(id).equals("Suggested words.");
        });
        a.put(Action.CHANGE_LIVE, as -> {
            long id = live("Published words.");
            as.post("/newsroom/articles/" + id, edit(id, "save", "body", "Changed for readers."));
            return publicPage(id).contains("Changed for readers.");
        });
        a.put(Action.PUBLISH, as -> {
            String headline = "Published by someone " + System.nanoTime();
            as.post("/newsroom/articles/new", article(site, headline, "Words.", "publish"));
            return Newsroom.find(site, "SELECT slug FROM articles WHERE headline = '" + headline + "'")
                .map(slug -> site.get("/articles/" + slug).statusCode() == 200).orElse(false);
        });
        a.put(Action.SCHEDULE, as -> {
            String headline = "Scheduled by someone " + System.nanoTime();
            as.post("/newsroom/articles/new", with(article(site, headline, "Words.", "schedule"), "publish-at", "2099-01-01T09:30"));
            return one(site, "SELECT COUNT(*) FROM articles WHERE headline = '" + headline + "' AND status = 'published'").equals("1");
        });
        a.put(Action.UNPUBLISH, as -> {
            long id = live("Words to take down.");
            as.post("/newsroom/articles/" + id, edit(id, "unpublish", "body", body(id)));
            return publicPage(id).startsWith("404");
        });
        a.put(Action.RESTORE_REVISION, as -> {
            long id = Long.parseLong(Newsroom.draftWithTwoRevisions(site, admin));
            as.post("/newsroom/articles/" + id + "/revisions/1/restore", List.of());
            return body(id).equals("First words.");
        });
        a.put(Action.ISSUE_CORRECTION, as -> {
            long id = live("Words to correct.");
            as.post("/newsroom/articles/" + id, List.of(Map.entry("action", "correct"),
                Map.entry("correction", "An earlier version named the wrong port.")));
            return publicPage(id).contains("An earlier version named the wrong port.");
        });
        a.put(Action.UPLOAD_IMAGE, as -> {
            try {
                return as.upload("/newsroom/images", "file", "upload.png", Newsroom.png(800, 450),
                    Map.of("alt", "An orange panel", "caption", "", "credit", "")).statusCode() == 303;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        a.put(Action.DESCRIBE_IMAGE, as -> {
            long image = uncheckedImage("An orange panel");
            as.post("/newsroom/images/" + image, Map.of("alt", "A plain orange panel", "caption", "", "credit", ""));
            return one(site, "SELECT alt FROM images WHERE id = " + image).equals("A plain orange panel");
        });
        a.put(Action.DESCRIBE_PUBLISHED_IMAGE, as -> {
            long image = uncheckedImage("An orange panel standing in for a photograph");
            long id = Newsroom.published(site, admin, "A piece with a picture " + System.nanoTime(),
                "Words.\n\n![](image:" + one(site, "SELECT name FROM images WHERE id = " + image) + ")\n\nMore words.");
            as.post("/newsroom/images/" + image, Map.of("alt", "An orange panel, described again", "caption", "", "credit", ""));
            return Jsoup.parse(site.get("/articles/" + one(site, "SELECT slug FROM articles WHERE id = " + id)).body())
                .selectFirst("main figure img").attr("alt").equals("An orange panel, described again");
        });
        a.put(Action.VIEW_AUDITS, as -> as.get("/newsroom/audits").statusCode() == 200);
        a.put(Action.RECORD_AUDIT_REVIEW, as -> as.post("/newsroom/audits", Map.of("sc", "1.1.1", "verdict", "Supports",
            "scope", "the article pages", "notes", "Every image checked by hand.", "reviewed_on", "2026-11-20")).statusCode() == 303);
        a.put(Action.VIEW_NEWSLETTERS, as -> as.get("/newsroom/newsletters").statusCode() == 200);
        a.put(Action.COMPOSE_NEWSLETTER, as -> {
            int before = Integer.parseInt(one(site, "SELECT COUNT(*) FROM newsletter_issues"));
            as.post("/newsroom/newsletters/new", Newsroom.issueForm(admin, "Composed for the rules"));
            return Integer.parseInt(one(site, "SELECT COUNT(*) FROM newsletter_issues")) == before + 1;
        });
        a.put(Action.SEND_NEWSLETTER, as -> {
            String issue = Newsroom.issue(site, admin);
            return as.post("/newsroom/newsletters/" + issue + "/send", List.of()).statusCode() == 303;
        });
        a.put(Action.MANAGE_STAFF, as -> as.post("/newsroom/staff", Map.of("email", "added-" + System.nanoTime() + "@example.org",
            "name", "Someone added", "role", "contributor", "password", "a long enough password")).statusCode() == 303);
        a.put(Action.MANAGE_PLANS, as -> as.get("/newsroom/plans").statusCode() == 200);
        a.put(Action.VIEW_ACTIVITY, as -> as.get("/newsroom/activity").statusCode() == 200);
        return a;
    }

    private long uncheckedImage(String alt) {
        try {
            return image(alt);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
