-- Accessibility: audits of this site (the audit command with --record); people's reviews of
-- WCAG 2.2 success criteria, which the next conformance report uses where the automated checks
-- cannot decide; and problems readers report from the accessibility statement.

CREATE TABLE audit_runs (
    id          ${id},
    site        VARCHAR(2000) NOT NULL,
    started_at  VARCHAR(30)   NOT NULL,
    finished_at VARCHAR(30)   NOT NULL,
    pages       INTEGER       NOT NULL,
    problems    INTEGER       NOT NULL,   -- at WCAG A or AA, or against best practices
    aaa         INTEGER       NOT NULL,
    errors      INTEGER       NOT NULL,   -- checks that could not run
    appeared    INTEGER,                  -- since the run before; NULL for the first run
    fixed       INTEGER,
    summary     TEXT          NOT NULL,   -- JSON for the public accessibility statement
    report      TEXT          NOT NULL    -- the run's report.json, for comparing runs
);
CREATE INDEX audit_runs_started ON audit_runs (started_at);

CREATE TABLE audit_reviews (
    id          ${id},
    sc          VARCHAR(10)   NOT NULL,
    verdict     VARCHAR(30)   NOT NULL
                CHECK (verdict IN ('Supports', 'Partially Supports', 'Does Not Support', 'Not Applicable')),
    notes       VARCHAR(4000) NOT NULL,
    scope       VARCHAR(500)  NOT NULL,   -- the pages or page types reviewed
    reviewed_on VARCHAR(10)   NOT NULL,
    user_id     INTEGER       NOT NULL REFERENCES users (id),
    recorded_at VARCHAR(30)   NOT NULL
);
CREATE INDEX audit_reviews_sc ON audit_reviews (sc, reviewed_on);

-- Accessibility problems reported by readers through the form on the accessibility statement,
-- for staff to read and answer.
CREATE TABLE problem_reports (
    id          ${id},
    page        VARCHAR(2000) NOT NULL,   -- the page the reader names, as typed; may be empty
    problem     VARCHAR(4000) NOT NULL,
    email       VARCHAR(320)  NOT NULL,   -- for a reply; may be empty
    received_at VARCHAR(30)   NOT NULL
);
CREATE INDEX problem_reports_received ON problem_reports (received_at);
