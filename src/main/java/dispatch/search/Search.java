package dispatch.search;

import java.time.Instant;
import java.util.List;

/**
 * Full-text search over published articles. This is the seam between the search page and the
 * database engine: SQLite's FTS5 ({@link SqliteSearch}) or PostgreSQL's own text search ({@link PostgresSearch}).
 */
public interface Search {
    /** A page of results, best first, and how many there are in all. */
    record Results(List<SearchResult> hits, int total) {}

    /**
     * @param entitled whether the reader may read members-only articles (members and staff,
     *                 {@code Access.entitled}): if not, only what anyone may read is searched and
     *                 shown (headline, standfirst, the free part of a members-only body)
     */
    Results find(SearchQuery query, boolean entitled, Instant now, int limit, int offset);
}
