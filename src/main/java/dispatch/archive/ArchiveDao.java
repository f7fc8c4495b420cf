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

    /*
     * A month's articles are a range of published_at (its first instant up to the next month's),
     * which the index on (status, published_at) reads directly; each query below puts one lower
     * and one upper bound on it (see ArticleDao.OLDER for why one).
     */
    @SqlQuery("SELECT COUNT(*) FROM articles a WHERE a.status = 'published' AND a.published_at >= :from AND a.published_at < :until")
    int countBetween(@Bind("from") Instant from, @Bind("until") Instant until);

    String MONTH = """
        SELECT a.id, a.slug, a.kind, a.headline, a.standfirst, a.published_at,
               s.slug AS section_slug, s.name AS section_name, a.access, a.language
          FROM articles a JOIN sections s ON s.id = a.section_id
         WHERE a.status = 'published'
        """;

    /** Articles from :from (inclusive) before :until, after the key, oldest first. */
    @SqlQuery(MONTH + """
           AND a.published_at >= :from AND a.published_at < :until AND (a.published_at > :at OR a.id > :id)
         ORDER BY a.published_at, a.id LIMIT :limit OFFSET :skip""")
    List<ArticleSummary> newer(@Bind("from") Instant from, @Bind("until") Instant until, @Bind("at") Instant at,
                               @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    /** Articles from :from up to :upper (inclusive), before the key, newest first. */
    @SqlQuery(MONTH + """
           AND a.published_at >= :from AND a.published_at <= :upper AND (a.published_at < :at OR a.id < :id)
         ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :skip""")
    List<ArticleSummary> older(@Bind("from") Instant from, @Bind("upper") Instant upper, @Bind("at") Instant at,
                               @Bind("id") long id, @Bind("limit") int limit, @Bind("skip") int skip);

    /**
     * The month's live articles (published from {@code start} until {@code end} and by
     * {@code now}) past the key, in the order {@link dispatch.web.KeyedListing.Window} asks.
     */
    default List<ArticleSummary> inMonth(Instant start, Instant end, Instant now, dispatch.web.KeyedListing.Key bound,
                                         boolean older, int limit, int skip) {
        Instant until = end.isBefore(now.plusSeconds(1)) ? end : now.plusSeconds(1);  // stored times are whole seconds
        if (older) {
            Instant upper = bound.at().isBefore(until) ? bound.at() : until.minusSeconds(1);
            return older(start, upper, bound.at(), bound.id(), limit, skip);
        }
        Instant from = bound.at().isAfter(start) ? bound.at() : start;
        return newer(from, until, bound.at(), bound.id(), limit, skip);
    }
}
