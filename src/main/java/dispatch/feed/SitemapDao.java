package dispatch.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the sitemaps list. Articles go into numbered files by id, a fixed block of ids to a file,
 * so an article stays in the same file as the archive grows and each file is read by an index
 * range (articles_sitemap, V15), never by skipping rows.
 */
@RegisterConstructorMapper(SitemapDao.Entry.class)
@RegisterConstructorMapper(SitemapDao.NewsEntry.class)
@RegisterConstructorMapper(SitemapDao.File.class)
public interface SitemapDao {
    /** A public address and when its content last changed (null when unknown). */
    record Entry(String path, Instant lastModified) {}

    /** An article for the news sitemap. */
    record NewsEntry(String path, String headline, String language, Instant publishedAt) {}

    /** A numbered file of articles (counted from 0) and its latest change. */
    record File(long number, Instant lastModified) {}

    String LIVE = " status = 'published' AND published_at <= :now ";

    @SqlQuery("SELECT MAX(published_at) FROM articles WHERE" + LIVE)
    Optional<Instant> latest(@Bind("now") Instant now);

    /** The files that hold at least one live article, in order. */
    @SqlQuery("SELECT (id - 1) / :perFile AS number, MAX(COALESCE(updated_at, published_at)) AS last_modified"
        + " FROM articles WHERE" + LIVE + "GROUP BY 1 ORDER BY 1")  // by position: PostgreSQL reads two :perFile as two parameters
    List<File> files(@Bind("now") Instant now, @Bind("perFile") int perFile);

    @SqlQuery("""
        SELECT '/articles/' || slug AS path, COALESCE(updated_at, published_at) AS last_modified
          FROM articles WHERE id >= :first AND id < :end AND""" + LIVE + "ORDER BY id")
    List<Entry> articles(@Bind("first") long first, @Bind("end") long end, @Bind("now") Instant now);

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
         ORDER BY published_at DESC, id DESC LIMIT :limit""")
    List<NewsEntry> news(@Bind("now") Instant now, @Bind("since") Instant since, @Bind("limit") int limit);
}
