-- Search that keeps members-only text with members. The index gets the body in two columns:
-- open_body, what anyone may read (a members-only article's free part, articles.free_text; the
-- whole body of any other article, which is free within the meter), and members_body, the rest
-- only members may search (a members-only article's whole body; empty for the others). Readers
-- who may not read members-only articles search headline, standfirst and open_body only
-- (dispatch.search.SqliteSearch), so neither the matches nor the marked passages can reveal the
-- held-back text; members and staff search all four. No text is stored twice: the index reads
-- its columns from the view below (an external-content table, as before, over the view).
DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_delete;
DROP TRIGGER article_search_update;
DROP TABLE article_search;

CREATE VIEW article_search_source AS
SELECT id, headline, standfirst,
       CASE WHEN access = 'members' THEN free_text ELSE body_markdown END AS open_body,
       CASE WHEN access = 'members' THEN body_markdown ELSE '' END AS members_body
  FROM articles;

CREATE VIRTUAL TABLE article_search USING fts5(
    headline, standfirst, open_body, members_body,
    content = 'article_search_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, headline, standfirst, open_body, members_body)
    VALUES (new.id, new.headline, new.standfirst,
            CASE WHEN new.access = 'members' THEN new.free_text ELSE new.body_markdown END,
            CASE WHEN new.access = 'members' THEN new.body_markdown ELSE '' END);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, headline, standfirst, open_body, members_body)
    VALUES ('delete', old.id, old.headline, old.standfirst,
            CASE WHEN old.access = 'members' THEN old.free_text ELSE old.body_markdown END,
            CASE WHEN old.access = 'members' THEN old.body_markdown ELSE '' END);
END;

-- Making an article members-only, or free, moves its body between the columns.
CREATE TRIGGER article_search_update
AFTER UPDATE OF headline, standfirst, body_markdown, free_text, access ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, headline, standfirst, open_body, members_body)
    VALUES ('delete', old.id, old.headline, old.standfirst,
            CASE WHEN old.access = 'members' THEN old.free_text ELSE old.body_markdown END,
            CASE WHEN old.access = 'members' THEN old.body_markdown ELSE '' END);
    INSERT INTO article_search (rowid, headline, standfirst, open_body, members_body)
    VALUES (new.id, new.headline, new.standfirst,
            CASE WHEN new.access = 'members' THEN new.free_text ELSE new.body_markdown END,
            CASE WHEN new.access = 'members' THEN new.body_markdown ELSE '' END);
END;

INSERT INTO article_search (article_search) VALUES ('rebuild');
