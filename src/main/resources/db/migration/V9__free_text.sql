-- The text of each article's free part: what a reader who may not read on is sent (the
-- headline and standfirst aside), as plain text. It is written by the application whenever a
-- body is saved (membership.Paywall decides where the free part ends, which SQL cannot), and
-- for the articles already there by the next migration, a Java one (article.FreeTextMigration).
-- Search matches it, and not the rest of the body, for readers who may not read members-only
-- articles (db/sqlite and db/postgresql V11__search_open_text.sql). An article written without
-- it has none: search then matches only its headline and standfirst, never more.
ALTER TABLE articles ADD COLUMN free_text TEXT NOT NULL DEFAULT '';
