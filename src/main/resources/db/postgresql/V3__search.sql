-- Full-text search over articles with PostgreSQL's own text search: a weighted tsvector kept
-- by PostgreSQL itself (a generated column) and a GIN index over it. This folder holds what
-- only PostgreSQL understands; dispatch.search.PostgresSearch is the code on the other side
-- of the same seam, as db/sqlite/V3__search.sql and SqliteSearch are for SQLite.
--
-- The configuration dispatch_search is PostgreSQL's 'simple' (split into words, lower-case, no
-- stemming: articles are written in several languages) with accents removed first, like
-- SQLite's unicode61 tokenizer with remove_diacritics: "Erdogan" finds "Erdoğan". unaccent is
-- a trusted extension, so the database's owner may add it. The headline weighs most (A), then
-- the standfirst (B), then the body (C).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION dispatch_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION dispatch_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dispatch_search'::regconfig, coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('dispatch_search'::regconfig, coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector('dispatch_search'::regconfig, coalesce(body_markdown, '')), 'C')
) STORED;

CREATE INDEX articles_search ON articles USING GIN (search_vector);
