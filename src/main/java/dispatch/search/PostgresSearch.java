package dispatch.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Search with PostgreSQL's own text search (the articles.search_vector column and its GIN index,
 * db/postgresql/V3__search.sql). The same seam, filters and output as {@link SqliteSearch}:
 * what a reader typed is made safe by {@link MatchExpression} and read by
 * {@code websearch_to_tsquery}, which never fails on odd input; results are ranked by
 * {@code ts_rank} with the headline weighing most; {@code ts_headline} marks the matches.
 *
 * <p>ts_headline marks matches with two control characters rather than {@code <mark>}: the
 * text around them is the article's own, and only {@link SqliteSearch#segments} turning the
 * marks into segments lets the template escape every character and add {@code <mark>} itself.
 */
public final class PostgresSearch implements Search {
    private static final String QUERY = "websearch_to_tsquery('dispatch_search', :match)";
    /** Headline and standfirst are marked whole; the body gives a passage of about 28 words. */
    private static final String WHOLE = "StartSel=" + SqliteSearch.START + ", StopSel=" + SqliteSearch.END
        + ", HighlightAll=true";
    private static final String PASSAGE = "StartSel=" + SqliteSearch.START + ", StopSel=" + SqliteSearch.END
        + ", MaxWords=28, MinWords=14";
    private static final String SELECT = """
        SELECT a.id, a.slug, a.kind, a.published_at, s.name AS section_name, a.access, a.language,
               a.body_markdown,
               ts_headline('dispatch_search', a.headline, q.query, :whole) AS headline,
               ts_headline('dispatch_search', a.standfirst, q.query, :whole) AS standfirst,
               ts_headline('dispatch_search', a.body_markdown, q.query, :passage) AS snippet
          FROM articles a
          JOIN sections s ON s.id = a.section_id
          CROSS JOIN (SELECT %s AS query) q
         WHERE a.id IN (<page>)
        """.formatted(QUERY);
    /** The matches: the index finds them; the filters are the same as SQLite's. */
    private static final String MATCHES = """
          FROM articles a
          JOIN sections s ON s.id = a.section_id
         WHERE a.search_vector @@ %s
           AND a.status = 'published' AND a.published_at <= :now
        """.formatted(QUERY);
    /** Weights for D, C (body), B (standfirst), A (headline): 1, 4 and 10 as in SqliteSearch's bm25. */
    private static final String RANK = "ts_rank('{0.1, 0.1, 0.4, 1.0}', a.search_vector, " + QUERY + ")";
    private final Jdbi jdbi;

    public PostgresSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Results find(SearchQuery query, Instant now, int limit, int offset) {
        String match = MatchExpression.of(query.text());
        if (match.isEmpty()) {
            return new Results(List.of(), 0);
        }
        Map<String, Object> binds = new TreeMap<>();
        binds.put("match", match);
        binds.put("now", now);
        String filters = SqliteSearch.filters(query, binds);
        return jdbi.withHandle(h -> {
            int total = h.createQuery("SELECT COUNT(*) " + MATCHES + filters).bindMap(binds).mapTo(Integer.class).one();
            // Rank first, marking nothing; then mark only the page of results, as SqliteSearch does.
            List<Long> page = h.createQuery("SELECT a.id " + MATCHES + filters
                    + " ORDER BY " + RANK + " DESC, a.published_at DESC, a.id LIMIT :limit OFFSET :offset")
                .bindMap(binds).bind("limit", limit).bind("offset", offset).mapTo(Long.class).list();
            if (page.isEmpty()) {
                return new Results(List.of(), total);
            }
            Map<Long, SearchResult> found = h.createQuery(SELECT).bind("match", match).bind("whole", WHOLE)
                .bind("passage", PASSAGE).bindList("page", page)
                .map((rs, ctx) -> {
                    boolean members = "members".equals(rs.getString("access"));
                    // A members-only article's body is never shown in results; its standfirst is.
                    String snippet = dispatch.membership.Paywall.snippet(members, rs.getString("standfirst"),
                        SqliteSearch.clean(passage(rs.getString("snippet"), rs.getString("body_markdown"))));
                    return Map.entry(rs.getLong("id"), new SearchResult(rs.getString("slug"), rs.getString("kind"),
                        SqliteSearch.segments(rs.getString("headline")), SqliteSearch.segments(snippet),
                        Instant.parse(rs.getString("published_at")), rs.getString("section_name"), members,
                        rs.getString("language")));
                }).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // Back into the ranked order of the first query.
            return new Results(page.stream().map(found::get).toList(), total);
        });
    }

    /**
     * The passage with an ellipsis where it cuts the body short, as SQLite's snippet() gives:
     * ts_headline returns a stretch of the body as written, with only the marks added.
     */
    static String passage(String marked, String body) {
        String plain = marked.replace(String.valueOf(SqliteSearch.START), "").replace(String.valueOf(SqliteSearch.END), "");
        String whole = body.strip();
        return (whole.startsWith(plain) ? "" : "…") + marked + (whole.endsWith(plain) ? "" : "…");
    }
}
