-- Indexes for an archive of any size. The sitemap files read articles by blocks of ids, with
-- their slug and dates: this index holds all of them, so a file of 50,000 addresses is read
-- from the index alone, without touching the rows and their bodies (on SQLite, a long body
-- pushes the columns stored after it out to overflow pages).
CREATE INDEX articles_sitemap ON articles (id, status, published_at, updated_at, slug);
