package dispatch.support;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One URL of every page type and component of the reading site, chosen from the demo
 * publication by what the page contains (a table, a chart, another language...), so the
 * browser tests cover every template and component whatever the demo articles are called.
 */
public final class PageTypes {

    public record PageType(String name, String path) {
        @Override
        public String toString() {
            return name + " " + path;
        }
    }

    public static List<PageType> all(TestSite site) {
        return site.database().jdbi().withHandle(h -> {
            List<PageType> pages = new ArrayList<>();
            pages.add(new PageType("front page", "/"));
            pages.add(new PageType("article with lead figure and byline", "/articles/" + slug(h,
                "lead_image_id IS NOT NULL AND kind = 'news' ORDER BY published_at LIMIT 1")));
            pages.add(new PageType("article with a data table", "/articles/" + slug(h,
                "body_html LIKE '%<table%' AND body_html NOT LIKE '%app-figure%' LIMIT 1")));
            pages.add(new PageType("article with a chart and its data", "/articles/" + slug(h,
                "body_html LIKE '%<table%' AND body_html LIKE '%app-figure%' LIMIT 1")));
            pages.add(new PageType("article with a passage in another language", "/articles/" + slug(h,
                "body_html LIKE '%dir=\"rtl\"%' LIMIT 1")));
            pages.add(new PageType("article in Arabic, right to left, with translations", "/articles/" + slug(h,
                "language = 'ar' AND translation_of IS NOT NULL ORDER BY published_at LIMIT 1")));
            pages.add(new PageType("article written in Turkish", "/articles/" + slug(h,
                "language = 'tr' AND translation_of IS NULL LIMIT 1")));
            pages.add(new PageType("article with a correction", "/articles/" + slug(h,
                "id IN (SELECT article_id FROM corrections) LIMIT 1")));
            pages.add(new PageType("members' report", "/articles/" + slug(h, "kind = 'report' LIMIT 1")));
            pages.add(new PageType("section, first page", "/sections/" + one(h, "SELECT slug FROM sections LIMIT 1")));
            pages.add(new PageType("sections index", "/sections"));
            pages.add(new PageType("topic", "/topics/" + one(h, """
                SELECT t.slug FROM topics t JOIN article_topics x ON x.topic_id = t.id
                GROUP BY t.slug ORDER BY COUNT(*) DESC LIMIT 1""")));
            pages.add(new PageType("topic, last page", "/topics/" + one(h, """
                SELECT t.slug FROM topics t JOIN article_topics x ON x.topic_id = t.id
                GROUP BY t.slug HAVING COUNT(*) > 10 LIMIT 1""") + "?page=last"));
            pages.add(new PageType("topics index", "/topics"));
            pages.add(new PageType("author", "/authors/" + one(h, "SELECT slug FROM authors ORDER BY name LIMIT 1")));
            pages.add(new PageType("writers index", "/authors"));
            pages.add(new PageType("search form", "/search"));
            pages.add(new PageType("search results", "/search?q=Erdogan"));
            pages.add(new PageType("search with no results", "/search?q=zzqxqzz&section=turkey"));
            pages.add(new PageType("search with an error", "/search?q=oil&from=2025-13-40"));
            pages.add(new PageType("archive", "/archive"));
            pages.add(new PageType("archive year", "/archive/2023"));
            pages.add(new PageType("archive month", "/archive/2023/09"));
            pages.add(new PageType("reading preferences", "/preferences"));
            pages.add(new PageType("about", "/about"));
            pages.add(new PageType("accessibility statement", "/accessibility"));
            pages.add(new PageType("report an accessibility problem", "/accessibility/report"));
            pages.add(new PageType("accessibility problem reported", "/accessibility/report?sent"));
            pages.add(new PageType("membership", "/membership"));
            pages.add(new PageType("newsletters", "/newsletters"));
            pages.add(new PageType("create an account", "/account/register"));
            pages.add(new PageType("sign in", "/account/sign-in"));
            pages.add(new PageType("forgotten password", "/account/forgot-password"));
            pages.add(new PageType("not found (404)", "/articles/no-such-article"));
            return pages;
        });
    }

    private static String slug(Handle h, String where) {
        return one(h, "SELECT slug FROM articles WHERE " + where);
    }

    private static String one(Handle h, String sql) {
        return h.createQuery(sql).mapTo(String.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("the demo publication has no page for: " + sql));
    }

    private PageTypes() {}
}
