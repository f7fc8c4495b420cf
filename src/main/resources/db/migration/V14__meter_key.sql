-- The key that signs the meter cookie, in which a reader without an account carries their month
-- (which articles they read in it): one row, made by the first node to start (dispatch.membership
-- .MeterCookie), read by every node, so that a cookie signed by one node is honoured by all.
-- Base64 of 32 random bytes.
CREATE TABLE meter_key (
    id         INTEGER      PRIMARY KEY CHECK (id = 1),
    secret     VARCHAR(100) NOT NULL,
    created_at VARCHAR(30)  NOT NULL
);

-- Readers without an account are no longer counted here (their month is in their cookie); what
-- was recorded for them under the random ids of the old cookie has no use left.
DELETE FROM meter_reads WHERE reader LIKE 'a%';
