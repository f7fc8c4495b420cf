-- Newsletters: the lists, the people on them, the issues editors send and who has been sent
-- each issue.

-- A newsletter readers can sign up to. Its name and description are in the publication's language.
CREATE TABLE newsletters (
    code        VARCHAR(40)  PRIMARY KEY,               -- used in addresses and forms: daily-briefing
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(300) NOT NULL,
    position    INTEGER      NOT NULL                   -- the order they are listed in; the first is offered on reading pages
);
INSERT INTO newsletters (code, name, description, position)
VALUES ('daily-briefing', 'The Daily Briefing', 'The day''s news from Turkey, Iran, the Gulf and the Levant, every weekday morning.', 1),
       ('weekly-memo', 'The Weekly Memo', 'Our analysts on what the week''s events mean, every Friday.', 2);

-- One address on one newsletter. No account is needed; a signed-in reader's subscription is
-- linked to their account. Double opt-in: 'pending' until the link mailed to the address is
-- followed. Only the hash of the confirmation link's token is kept.
CREATE TABLE newsletter_subscriptions (
    id              ${id},
    newsletter_code VARCHAR(40)  NOT NULL REFERENCES newsletters (code),
    email           VARCHAR(320) NOT NULL,                -- stored in lower case
    user_id         INTEGER      REFERENCES users (id) ON DELETE SET NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    language        VARCHAR(10)  NOT NULL,                -- the interface language it was asked for in: mail is written in it
    confirm_hash    VARCHAR(64),
    confirm_sent_at VARCHAR(30),                          -- at most one confirmation mail an hour per address and newsletter
    created_at      VARCHAR(30)  NOT NULL,
    confirmed_at    VARCHAR(30),
    unsubscribed_at VARCHAR(30),
    UNIQUE (newsletter_code, email)
);
CREATE INDEX newsletter_subscriptions_user ON newsletter_subscriptions (user_id);
CREATE UNIQUE INDEX newsletter_subscriptions_confirm ON newsletter_subscriptions (confirm_hash);

-- An issue: what an editor composed, and how far sending it has gone.
CREATE TABLE newsletter_issues (
    id              ${id},
    newsletter_code VARCHAR(40)   NOT NULL REFERENCES newsletters (code),
    subject         VARCHAR(200)  NOT NULL,
    intro           VARCHAR(4000) NOT NULL DEFAULT '',
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('draft', 'sending', 'sent')),
    created_by      INTEGER       REFERENCES users (id),
    created_at      VARCHAR(30)   NOT NULL,
    sent_at         VARCHAR(30)
);

-- The articles of an issue, in order.
CREATE TABLE newsletter_issue_articles (
    issue_id   INTEGER NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (issue_id, article_id)
);

-- Who has been sent an issue. The row is written before the message is handed over, and the
-- key makes a second row for the same person impossible, so a send that stops halfway and is
-- started again goes only to those not yet sent. Each message carries its own unsubscribe
-- link; only the hash of its token is kept.
CREATE TABLE newsletter_deliveries (
    issue_id         INTEGER     NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscription_id  INTEGER     NOT NULL REFERENCES newsletter_subscriptions (id) ON DELETE CASCADE,
    unsubscribe_hash VARCHAR(64) NOT NULL UNIQUE,
    sent_at          VARCHAR(30) NOT NULL,
    PRIMARY KEY (issue_id, subscription_id)
);
