-- A contributor's change to a published or scheduled article does not reach readers: it is kept
-- as a revision marked 'pending' for an editor to review, and becomes 'applied' when an editor
-- publishes it. Every other revision (what was saved to the article itself) has no mark.
ALTER TABLE revisions ADD COLUMN review VARCHAR(10) CHECK (review IN ('pending', 'applied'));
