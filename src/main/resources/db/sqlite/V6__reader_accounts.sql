-- Readers get accounts in the same table as staff (one sign-in, one kind of session, two
-- audiences): the role gains 'reader', and every account gains the time its e-mail address
-- was confirmed and the reader's saved preferences.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt the way SQLite's
-- documentation prescribes (create, copy, drop, rename) with foreign keys off, outside
-- Flyway's transaction (see the .conf file beside this one) but inside one of its own: a
-- savepoint outside a transaction starts one (written so because Flyway's SQLite parser reads
-- BEGIN as the start of a trigger's body).
PRAGMA foreign_keys = OFF;

SAVEPOINT rebuild_users;

CREATE TABLE users_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    email             VARCHAR(320) NOT NULL UNIQUE,   -- stored in lower case
    name              VARCHAR(200) NOT NULL,
    role              VARCHAR(20)  NOT NULL CHECK (role IN ('reader', 'contributor', 'editor', 'admin')),
    password_hash     VARCHAR(100) NOT NULL,
    disabled          BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        VARCHAR(30)  NOT NULL,
    email_verified_at VARCHAR(30),                    -- null until the address is confirmed
    preferences       VARCHAR(200)                    -- reading preferences, as in their cookie
);

-- Staff were created by an administrator or on the command line: their addresses count as known.
INSERT INTO users_new (id, email, name, role, password_hash, disabled, created_at, email_verified_at)
SELECT id, email, name, role, password_hash, disabled, created_at, created_at FROM users;

DROP TABLE users;

ALTER TABLE users_new RENAME TO users;

RELEASE rebuild_users;

PRAGMA foreign_keys = ON;
