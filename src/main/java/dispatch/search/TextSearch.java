package dispatch.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What both engines' full-text search share: the reader's words made safe
 * ({@link MatchExpression}), the filters, and the order of work: count the matches, rank one
 * page of them marking nothing, and only then mark the matched words in that page (marking is
 * costly, and done for every match it takes seconds for a common word over thousands of
 * articles). Matches are marked with two control characters, which {@link #segments} turns into
 * segments, so the template escapes every character and adds {@code <mark>} itself.
 *
 * <p>Each engine indexes the text twice over: all of it, and only what anyone may read (see
 * the V11 search migrations). A reader who may not read members-only articles is matched, ranked
 * and shown marked text from the second alone, so that no search, however precise, can tell
 * them a word of the held-back part.
 */
abstract class TextSearch implements Search {
    static final char START = '\u0001';
    static final char END = '\u0002';
    private final Jdbi jdbi;

    TextSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * FROM and WHERE for the published articles matching {@code :match}, as {@code a} with
     * section {@code s}: in all their text when {@code entitled}, else in what anyone may read.
     */
    abstract String matches(boolean entitled);

    /** The ORDER BY that puts the best match first. */
    abstract String rank(boolean entitled);

    /** What is bound as {@code :match} for the reader's words, made safe by {@link MatchExpression}. */
    String match(String expression, boolean entitled) {
        return expression;
    }

    /**
     * The page of articles {@code page}, with headline, standfirst and snippet marked; the
     * snippet from the text the reader may read.
     */
    abstract Query marked(Handle handle, String match, List<Long> page, boolean entitled);

    /** The marked passage of the body from a row of {@link #marked}. */
    String snippet(ResultSet row) throws SQLException {
        return row.getString("snippet");
    }

    @Override
    public final Results find(SearchQuery query, boolean entitled, Instant now, int limit, int offset) {
        String expression = MatchExpression.of(query.text());
        if (expression.isEmpty()) {
            return new Results(List.of(), 0);
        }
        String match = match(expression, entitled);
        Map<String, Object> binds = new TreeMap<>();
        binds.put("match", match);
        binds.put("now", now);
        String filters = filters(query, binds);
        return jdbi.withHandle(h -> {
            int total = h.createQuery("SELECT COUNT(*) " + matches(entitled) + filters).bindMap(binds)
                .mapTo(Integer.class).one();
            List<Long> page = h.createQuery("SELECT a.id " + matches(entitled) + filters
                    + " ORDER BY " + rank(entitled) + ", a.published_at DESC, a.id LIMIT :limit OFFSET :offset")
                .bindMap(binds).bind("limit", limit).bind("offset", offset).mapTo(Long.class).list();
            if (page.isEmpty()) {
                return new Results(List.of(), total);
            }
            Map<Long, SearchResult> found = marked(h, match, page, entitled).map((rs, ctx) -> {
                boolean members = "members".equals(rs.getString("access"));
                // A members-only article shows a reader who may not read it its standfirst, not
                // a passage of its body, as on its page before the gate.
                String snippet = dispatch.membership.Paywall.snippet(!members || entitled,
                    rs.getString("standfirst"), clean(snippet(rs)));
                return Map.entry(rs.getLong("id"), new SearchResult(rs.getString("slug"), rs.getString("kind"),
                    segments(rs.getString("headline")), segments(snippet),
                    Instant.parse(rs.getString("published_at")), rs.getString("section_name"), members,
                    rs.getString("language")));
            }).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // Back into the ranked order of the second query.
            return new Results(page.stream().map(found::get).toList(), total);
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
