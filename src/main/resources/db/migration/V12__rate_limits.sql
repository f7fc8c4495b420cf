-- Rate limits: one counter per bucket (what is counted, for whom), over a fixed window. Kept here,
-- not in memory, so that every app node counts against the same limits. Buckets are named by a
-- hash of what they count for (an address, a client, both), so the table holds no addresses.
-- Sign-in failures are counted here too, replacing the table that counted them per address only.

CREATE TABLE rate_limits (
    bucket      VARCHAR(100) PRIMARY KEY,
    hits        INTEGER      NOT NULL,
    window_ends BIGINT       NOT NULL     -- epoch milliseconds
);
CREATE INDEX rate_limits_window_ends ON rate_limits (window_ends);

DROP TABLE sign_in_failures;
