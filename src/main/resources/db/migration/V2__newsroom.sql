-- Staff accounts, their sessions, sign-in throttling, the activity log (who changed what,
-- when) and article revisions.
-- Sessions, throttles and everything else a request needs live here, not in memory, so that
-- any app node can serve any request.

CREATE TABLE users (
    id            ${id},
    email         VARCHAR(320) NOT NULL UNIQUE,   -- stored in lower case
    name          VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
    password_hash VARCHAR(100) NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    VARCHAR(30)  NOT NULL
);

-- The session cookie holds a random token; only its SHA-256 hash is stored.
CREATE TABLE sessions (
    token_hash VARCHAR(64)  PRIMARY KEY,
    user_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at VARCHAR(30)  NOT NULL,
    expires_at VARCHAR(30)  NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
    email            VARCHAR(320) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    first_failure_at VARCHAR(30)  NOT NULL,
    locked_until     VARCHAR(30)
);

CREATE TABLE activity_log (
    id       ${id},
    user_id  INTEGER REFERENCES users (id),
    action   VARCHAR(60)   NOT NULL,
    target   VARCHAR(300),
    details  VARCHAR(2000),
    at       VARCHAR(30)   NOT NULL
);
CREATE INDEX activity_log_at ON activity_log (at);

-- Optimistic locking: every save says which version it started from.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN modified_at VARCHAR(30);

-- Every saved state of an article, as JSON of its editable fields.
CREATE TABLE revisions (
    id         ${id},
    article_id INTEGER      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number     INTEGER      NOT NULL,
    user_id    INTEGER REFERENCES users (id),
    note       VARCHAR(200) NOT NULL,
    snapshot   TEXT         NOT NULL,
    created_at VARCHAR(30)  NOT NULL,
    UNIQUE (article_id, number)
);
