-- Membership: one-time links sent by e-mail, plans, subscriptions and the gateway's events,
-- and the meter of free articles. Like sessions, all of it lives here and not in memory, so
-- that any app node can serve any reader.

-- A link sent by e-mail: confirm an address, reset a password, or confirm a new address.
-- The link carries a random token; only its SHA-256 hash is stored, and it works once.
CREATE TABLE account_tokens (
    token_hash VARCHAR(64)  PRIMARY KEY,
    user_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    VARCHAR(20)  NOT NULL CHECK (purpose IN ('verify', 'reset', 'email')),
    new_email  VARCHAR(320),                        -- for 'email': the address being confirmed
    created_at VARCHAR(30)  NOT NULL,
    expires_at VARCHAR(30)  NOT NULL,
    used_at    VARCHAR(30)
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);

-- What readers can buy. Prices are in the currency's minor unit (cents).
CREATE TABLE plans (
    code          VARCHAR(40)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    price_minor   INTEGER      NOT NULL CHECK (price_minor > 0),
    currency      VARCHAR(3)   NOT NULL,
    period_months INTEGER      NOT NULL CHECK (period_months > 0),
    position      INTEGER      NOT NULL,            -- the order plans are offered in; the first is the default
    active        BOOLEAN      NOT NULL DEFAULT TRUE
);
INSERT INTO plans (code, name, price_minor, currency, period_months, position, active)
VALUES ('annual', 'Annual membership', 10000, 'USD', 12, 1, TRUE),
       ('monthly', 'Monthly membership', 1000, 'USD', 1, 2, FALSE);

-- A reader's membership, as the payment gateway last told us. Entitlement follows from the
-- status and the period's end, never from a flag set by hand.
CREATE TABLE subscriptions (
    id                   ${id},
    user_id              INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    plan_code            VARCHAR(40)  NOT NULL REFERENCES plans (code),
    gateway              VARCHAR(20)  NOT NULL,          -- 'test' or 'stripe'
    gateway_ref          VARCHAR(200),                   -- the gateway's own id for it
    status               VARCHAR(20)  NOT NULL
        CHECK (status IN ('pending', 'active', 'past_due', 'cancelled', 'expired')),
    current_period_end   VARCHAR(30),
    cancel_at_period_end BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           VARCHAR(30)  NOT NULL,
    updated_at           VARCHAR(30)  NOT NULL,
    gateway_event_at     VARCHAR(30)                     -- when the gateway created the event last applied
);
CREATE INDEX subscriptions_user ON subscriptions (user_id);
CREATE UNIQUE INDEX subscriptions_gateway_ref ON subscriptions (gateway, gateway_ref);

-- Every gateway event handled, by its id: a webhook delivered twice changes nothing.
CREATE TABLE payment_events (
    gateway     VARCHAR(20)  NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    type        VARCHAR(100) NOT NULL,
    received_at VARCHAR(30)  NOT NULL,
    PRIMARY KEY (gateway, event_id)
);

-- The meter: which articles a reader has opened in a month. A reader is 'u' and the account
-- id when signed in, or 'a' and the random id of the meter cookie.
CREATE TABLE meter_reads (
    reader     VARCHAR(80)  NOT NULL,
    month      VARCHAR(7)   NOT NULL,               -- 2026-11
    article_id INTEGER      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    read_at    VARCHAR(30)  NOT NULL,
    PRIMARY KEY (reader, month, article_id)
);
