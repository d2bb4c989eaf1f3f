-- Each bonus draw and return of a sponsor's budget (issue #21: what a sponsor's money achieved).
CREATE TABLE bonus_draw (
    event_id        VARCHAR(64)  PRIMARY KEY,
    budget_id       VARCHAR(64)  NOT NULL,
    conversion_id   VARCHAR(64)  NOT NULL,
    account_id      VARCHAR(64)  NOT NULL,
    bonus_minor     BIGINT       NOT NULL,
    at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bonus_draw_budget ON bonus_draw (budget_id, at);
