package dispatch.search;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Search with SQLite's FTS5 (the article_search table of db/sqlite/V3__search.sql). Results are
 * ranked by bm25 with the headline weighing most, then the standfirst, then the body; filters
 * are added to the SQL only when set, which is why this uses Jdbi's fluent API.
 */
public final class SqliteSearch extends TextSearch {
    private static final String SELECT = """
        SELECT a.id, a.slug, a.kind, a.published_at, s.name AS section_name, a.access, a.language,
               highlight(article_search, 0, char(1), char(2)) AS headline,
               highlight(article_search, 1, char(1), char(2)) AS standfirst,
               snippet(article_search, 2, char(1), char(2), '…', 28) AS snippet
          FROM article_search
          JOIN articles a ON a.id = article_search.rowid
          JOIN sections s ON s.id = a.section_id
         WHERE article_search MATCH :match AND article_search.rowid IN (<page>)
        """;
    /**
     * The matches, ranked. The full-text query runs once in the inner select; the outer one
     * only joins and filters its rows. Joined directly, SQLite runs the text query once per
     * article instead (seconds over 10,000 articles); "LIMIT -1" (no limit) stops SQLite from
     * folding the inner select into the join.
     */
    private static final String MATCHES = """
          FROM (SELECT rowid AS id, bm25(article_search, 10.0, 4.0, 1.0) AS score
                  FROM article_search WHERE article_search MATCH :match LIMIT -1) m
          JOIN articles a ON a.id = m.id
          JOIN sections s ON s.id = a.section_id
         WHERE a.status = 'published' AND a.published_at <= :now
        """;

    public SqliteSearch(Jdbi jdbi) {
        super(jdbi);
    }

    @Override
    String matches() {
        return MATCHES;
    }

    @Override
    String rank() {
        return "m.score";  // bm25: lower is better
    }

    @Override
    Query marked(Handle handle, String match, List<Long> page) {
        return handle.createQuery(SELECT).bind("match", match).bindList("page", page);
    }
}
