package dispatch.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Search with PostgreSQL's own text search (the articles.search_vector and open_vector columns
 * and their GIN indexes, db/postgresql/V3__search.sql and V11__search_open_text.sql). The same
 * seam, filters and output as {@link SqliteSearch}: what a reader typed is made safe by
 * {@link MatchExpression} and read by {@code websearch_to_tsquery}, which never fails on odd
 * input; results are ranked by {@code ts_rank} with the headline weighing most;
 * {@code ts_headline} marks the matches.
 *
 * <p>A reader who may not read members-only articles is matched and ranked against open_vector
 * and shown passages of the same text (the free part of a members-only body), never of the
 * held-back part; members and staff against search_vector and the whole body.
 *
 * <p>ts_headline marks matches with two control characters rather than {@code <mark>}: the
 * text around them is the article's own, and only {@link TextSearch#segments} turning the
 * marks into segments lets the template escape every character and add {@code <mark>} itself.
 */
public final class PostgresSearch extends TextSearch {
    private static final String QUERY = "websearch_to_tsquery('dispatch_search', :match)";
    /** Headline and standfirst are marked whole; the body gives a passage of about 28 words. */
    private static final String WHOLE = "StartSel=" + START + ", StopSel=" + END
        + ", HighlightAll=true";
    private static final String PASSAGE = "StartSel=" + START + ", StopSel=" + END
        + ", MaxWords=28, MinWords=14";
    /** The body text each kind of reader may search, as the vectors hold it. */
    private static final String ALL_TEXT = "a.body_markdown";
    private static final String OPEN_TEXT = "CASE WHEN a.access = 'members' THEN a.free_text ELSE a.body_markdown END";
    private static final String SELECT = """
        SELECT a.id, a.slug, a.kind, a.published_at, s.name AS section_name, a.access, a.language,
               %1$s AS body_text,
               ts_headline('dispatch_search', a.headline, q.query, :whole) AS headline,
               ts_headline('dispatch_search', a.standfirst, q.query, :whole) AS standfirst,
               ts_headline('dispatch_search', %1$s, q.query, :passage) AS snippet
          FROM articles a
          JOIN sections s ON s.id = a.section_id
          CROSS JOIN (SELECT %2$s AS query) q
         WHERE a.id IN (<page>)
        """;
    /** The matches: the index finds them; the filters are the same as SQLite's. */
    private static final String MATCHES = """
          FROM articles a
          JOIN sections s ON s.id = a.section_id
         WHERE a.%s @@ %s
           AND a.status = 'published' AND a.published_at <= :now
        """;
    /** Weights for D, C (body), B (standfirst), A (headline): 1, 4 and 10 as in SqliteSearch's bm25. */
    private static final String RANK = "ts_rank('{0.1, 0.1, 0.4, 1.0}', a.%s, " + QUERY + ")";

    public PostgresSearch(Jdbi jdbi) {
        super(jdbi);
    }

    private static String vector(boolean entitled) {
        return entitled ? "search_vector" : "open_vector";
    }

    @Override
    String matches(boolean entitled) {
        return MATCHES.formatted(vector(entitled), QUERY);
    }

    @Override
    String rank(boolean entitled) {
        return RANK.formatted(vector(entitled)) + " DESC";
    }

    @Override
    Query marked(Handle handle, String match, List<Long> page, boolean entitled) {
        return handle.createQuery(SELECT.formatted(entitled ? ALL_TEXT : OPEN_TEXT, QUERY))
            .bind("match", match).bind("whole", WHOLE).bind("passage", PASSAGE).bindList("page", page);
    }

    @Override
    String snippet(ResultSet row) throws SQLException {
        return passage(row.getString("snippet"), row.getString("body_text"));
    }

    /**
     * The passage with an ellipsis where it cuts the body short, as SQLite's snippet() gives:
     * ts_headline returns a stretch of the body as written, with only the marks added.
     */
    static String passage(String marked, String body) {
        String plain = marked.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
        String whole = body.strip();
        return (whole.startsWith(plain) ? "" : "…") + marked + (whole.endsWith(plain) ? "" : "…");
    }
}
