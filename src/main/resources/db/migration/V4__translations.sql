-- An article may be a translation of another; translations of the same original link to each
-- other (hreflang and a visible list of languages).
ALTER TABLE articles ADD COLUMN translation_of INTEGER REFERENCES articles (id);
CREATE INDEX articles_translation_of ON articles (translation_of);
