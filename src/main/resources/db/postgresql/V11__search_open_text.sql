-- Search that keeps members-only text with members. Beside search_vector (headline, standfirst
-- and the whole body), open_vector holds only what anyone may read: the headline (A), the
-- standfirst (B) and, for a members-only article, the free part of its body
-- (articles.free_text), for any other article the whole body, which is free within the meter
-- (C). Readers who may not read members-only articles are matched, ranked and shown passages
-- against open_vector and that text only (dispatch.search.PostgresSearch); members and staff
-- against search_vector. PostgreSQL keeps both up to date itself, a change of access included.
ALTER TABLE articles ADD COLUMN open_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dispatch_search'::regconfig, coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('dispatch_search'::regconfig, coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector('dispatch_search'::regconfig,
        CASE WHEN access = 'members' THEN coalesce(free_text, '') ELSE coalesce(body_markdown, '') END), 'C')
) STORED;

CREATE INDEX articles_open_search ON articles USING GIN (open_vector);
