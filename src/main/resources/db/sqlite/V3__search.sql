-- Full-text search over articles with SQLite's FTS5, kept in step with the articles table by
-- triggers. This folder holds what only SQLite understands; dispatch.search.SqliteSearch is
-- the code on the other side of the same seam.
CREATE VIRTUAL TABLE article_search USING fts5(
    headline, standfirst, body_markdown,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, headline, standfirst, body_markdown)
    VALUES (new.id, new.headline, new.standfirst, new.body_markdown);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, headline, standfirst, body_markdown)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body_markdown);
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF headline, standfirst, body_markdown ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, headline, standfirst, body_markdown)
    VALUES ('delete', old.id, old.headline, old.standfirst, old.body_markdown);
    INSERT INTO article_search (rowid, headline, standfirst, body_markdown)
    VALUES (new.id, new.headline, new.standfirst, new.body_markdown);
END;

INSERT INTO article_search (article_search) VALUES ('rebuild');
