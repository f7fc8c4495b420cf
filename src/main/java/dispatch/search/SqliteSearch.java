package dispatch.search;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Search with SQLite's FTS5 (the article_search table of db/sqlite/V11__search_open_text.sql:
 * headline, standfirst, open_body and members_body). Results are ranked by bm25 with the
 * headline weighing most, then the standfirst, then the body; filters are added to the SQL only
 * when set, which is why this uses Jdbi's fluent API.
 *
 * <p>A reader who may not read members-only articles searches the first three columns only
 * (an FTS5 column filter around their whole query), so the held-back text of a members-only
 * article, which is in members_body alone, can neither match nor be marked for them.
 */
public final class SqliteSearch extends TextSearch {
    /** The columns anyone may search: members_body is for members. */
    private static final String OPEN_COLUMNS = "{headline standfirst open_body}";
    private static final String SELECT = """
        SELECT a.id, a.slug, a.kind, a.published_at, s.name AS section_name, a.access, a.language,
               highlight(article_search, 0, char(1), char(2)) AS headline,
               highlight(article_search, 1, char(1), char(2)) AS standfirst,
               snippet(article_search, %s, char(1), char(2), '…', 28) AS snippet
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
          FROM (SELECT rowid AS id, bm25(article_search, 10.0, 4.0, 1.0, 1.0) AS score
                  FROM article_search WHERE article_search MATCH :match LIMIT -1) m
          JOIN articles a ON a.id = m.id
          JOIN sections s ON s.id = a.section_id
         WHERE a.status = 'published' AND a.published_at <= :now
        """;

    public SqliteSearch(Jdbi jdbi) {
        super(jdbi);
    }

    @Override
    String match(String expression, boolean entitled) {
        return entitled ? expression : OPEN_COLUMNS + " : (" + expression + ")";
    }

    @Override
    String matches(boolean entitled) {
        return MATCHES;  // the column filter is in the match itself
    }

    @Override
    String rank(boolean entitled) {
        return "m.score";  // bm25: lower is better
    }

    @Override
    Query marked(Handle handle, String match, List<Long> page, boolean entitled) {
        // The passage comes from open_body (2), unless a member reads a members-only article,
        // whose whole body is members_body (3).
        String column = entitled ? "CASE WHEN a.access = 'members' THEN 3 ELSE 2 END" : "2";
        return handle.createQuery(SELECT.formatted(column)).bind("match", match).bindList("page", page);
    }
}
