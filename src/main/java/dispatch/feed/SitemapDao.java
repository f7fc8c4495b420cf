package dispatch.feed;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(SitemapDao.Entry.class)
@RegisterConstructorMapper(SitemapDao.NewsEntry.class)
public interface SitemapDao {
    /** A public address and when its content last changed (null when unknown). */
    record Entry(String path, Instant lastModified) {}

    /** An article for the news sitemap. */
    record NewsEntry(String path, String headline, String language, Instant publishedAt) {}

    @SqlQuery("""
        SELECT '/articles/' || slug AS path, COALESCE(updated_at, published_at) AS last_modified
          FROM articles WHERE status = 'published' AND published_at <= :now ORDER BY published_at DESC""")
    List<Entry> articles(@Bind("now") Instant now);

    @SqlQuery("""
        SELECT '/sections/' || s.slug AS path, MAX(a.published_at) AS last_modified
          FROM sections s LEFT JOIN articles a ON a.section_id = s.id AND a.status = 'published' AND a.published_at <= :now
         GROUP BY s.slug, s.position ORDER BY s.position""")
    List<Entry> sections(@Bind("now") Instant now);

    @SqlQuery("SELECT '/topics/' || slug AS path, NULL AS last_modified FROM topics ORDER BY slug")
    List<Entry> topics();

    @SqlQuery("SELECT '/authors/' || slug AS path, NULL AS last_modified FROM authors ORDER BY slug")
    List<Entry> authors();

    @SqlQuery("SELECT '/' || slug AS path, updated_at AS last_modified FROM pages ORDER BY slug")
    List<Entry> pages();

    @SqlQuery("""
        SELECT '/articles/' || slug AS path, headline, language, published_at
          FROM articles WHERE status = 'published' AND published_at <= :now AND published_at >= :since
         ORDER BY published_at DESC""")
    List<NewsEntry> news(@Bind("now") Instant now, @Bind("since") Instant since);
}
