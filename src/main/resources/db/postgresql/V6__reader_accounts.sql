-- Readers get accounts in the same table as staff (one sign-in, one kind of session, two
-- audiences): the role gains 'reader', and every account gains the time its e-mail address
-- was confirmed and the reader's saved preferences.
--
-- What SQLite does by rebuilding the table (db/sqlite/V6__reader_accounts.sql), PostgreSQL
-- does in place, in Flyway's transaction.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('reader', 'contributor', 'editor', 'admin'));

ALTER TABLE users ADD COLUMN email_verified_at VARCHAR(30);   -- null until the address is confirmed
ALTER TABLE users ADD COLUMN preferences VARCHAR(200);        -- reading preferences, as in their cookie

-- Staff were created by an administrator or on the command line: their addresses count as known.
UPDATE users SET email_verified_at = created_at;
