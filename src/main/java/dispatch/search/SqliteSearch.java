package dispatch.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Search with SQLite's FTS5 (the article_search table of db/sqlite/V3__search.sql). Results are
 * ranked by bm25 with the headline weighing most, then the standfirst, then the body; filters
 * are added to the SQL only when set, which is why this uses Jdbi's fluent API.
 */
public final class SqliteSearch implements Search {
    static final char START = '\u0001';
    static final char END = '\u0002';
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
    private final Jdbi jdbi;

    public SqliteSearch(Jdbi jdbi) {
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
        String filters = filters(query, binds);
        return jdbi.withHandle(h -> {
            int total = h.createQuery("SELECT COUNT(*) " + MATCHES + filters).bindMap(binds).mapTo(Integer.class).one();
            // Rank first, marking nothing; then mark only the page of results. Highlights and
            // snippets are costly, and SQLite would otherwise make one for every match before
            // sorting (seconds for a common word over thousands of articles).
            List<Long> page = h.createQuery("SELECT a.id " + MATCHES + filters
                    + " ORDER BY m.score, a.published_at DESC, a.id LIMIT :limit OFFSET :offset")
                .bindMap(binds).bind("limit", limit).bind("offset", offset).mapTo(Long.class).list();
            if (page.isEmpty()) {
                return new Results(List.of(), total);
            }
            var found = h.createQuery(SELECT).bind("match", binds.get("match")).bindList("page", page)
                .map((rs, ctx) -> {
                    boolean members = "members".equals(rs.getString("access"));
                    // A members-only article's body is never shown in results; its standfirst is.
                    String snippet = dispatch.membership.Paywall.snippet(members, rs.getString("standfirst"),
                        clean(rs.getString("snippet")));
                    return Map.entry(rs.getLong("id"), new SearchResult(rs.getString("slug"), rs.getString("kind"),
                        segments(rs.getString("headline")), segments(snippet),
                        Instant.parse(rs.getString("published_at")), rs.getString("section_name"), members,
                        rs.getString("language")));
                }).list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // Back into the ranked order of the first query.
            var hits = page.stream().map(found::get).toList();
            return new Results(hits, total);
        });
    }

    static String filters(SearchQuery query, Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder();
        if (!query.section().isEmpty()) {
            sql.append(" AND s.slug = :section");
            binds.put("section", query.section());
        }
        if (!query.kind().isEmpty()) {
            sql.append(" AND a.kind = :kind");
            binds.put("kind", query.kind());
        }
        if (!query.author().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_authors w JOIN authors u ON u.id = w.author_id"
                + " WHERE w.article_id = a.id AND u.slug = :author)");
            binds.put("author", query.author());
        }
        if (query.from() != null) {
            sql.append(" AND a.published_at >= :from");
            binds.put("from", query.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND a.published_at < :to");
            binds.put("to", query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return sql.toString();
    }

    /** Markdown and house syntax out of a body snippet: readers see prose. */
    static String clean(String snippet) {
        return snippet
            .replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", " ")
            .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replaceAll("</?[a-zA-Z][^>]*>", "")
            .replaceAll("(?m)^\\s*(#{1,6}|>|[-*+]|\\d+\\.)\\s+", "")
            .replaceAll("\\*\\*|__|\\*|`|\\|", "")
            .replaceAll("^Table: ", "")
            .replaceAll("\\s+", " ").strip();
    }

    static List<SearchResult.Segment> segments(String marked) {
        List<SearchResult.Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean match = false;
        for (char c : marked.toCharArray()) {
            if (c == START || c == END) {
                if (text.length() > 0) {
                    segments.add(new SearchResult.Segment(text.toString(), match));
                    text.setLength(0);
                }
                match = c == START;
            } else {
                text.append(c);
            }
        }
        if (text.length() > 0) {
            segments.add(new SearchResult.Segment(text.toString(), match));
        }
        return segments;
    }
}
