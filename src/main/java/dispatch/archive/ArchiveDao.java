package dispatch.archive;

import dispatch.article.ArticleSummary;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Published articles by year and month. Instants are stored as ISO-8601 text in UTC
 * (see dispatch.db.Dialect), so the year and month are simply its first characters.
 */
@RegisterConstructorMapper(ArchiveDao.Period.class)
@RegisterConstructorMapper(ArticleSummary.class)
public interface ArchiveDao {
    /** A year ("2025") or a month ("2025-03") and how many articles it holds. */
    record Period(String period, int articles) {}

    String LIVE = " a.status = 'published' AND a.published_at <= :now ";

    @SqlQuery("SELECT substr(a.published_at, 1, 4) AS period, COUNT(*) AS articles FROM articles a WHERE" + LIVE
        + "GROUP BY substr(a.published_at, 1, 4) ORDER BY period DESC")
    List<Period> years(@Bind("now") Instant now);

    @SqlQuery("SELECT substr(a.published_at, 1, 7) AS period, COUNT(*) AS articles FROM articles a WHERE" + LIVE
        + "AND substr(a.published_at, 1, 4) = :year GROUP BY substr(a.published_at, 1, 7) ORDER BY period")
    List<Period> months(@Bind("year") String year, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM articles a WHERE" + LIVE + "AND substr(a.published_at, 1, 7) = :month")
    int countInMonth(@Bind("month") String month, @Bind("now") Instant now);

    @SqlQuery("""
        SELECT a.id, a.slug, a.kind, a.headline, a.standfirst, a.published_at,
               s.slug AS section_slug, s.name AS section_name, a.access, a.language
          FROM articles a JOIN sections s ON s.id = a.section_id
         WHERE""" + LIVE + """
           AND substr(a.published_at, 1, 7) = :month
         ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset""")
    List<ArticleSummary> inMonth(@Bind("month") String month, @Bind("now") Instant now, @Bind("limit") int limit,
                                 @Bind("offset") int offset);
}
