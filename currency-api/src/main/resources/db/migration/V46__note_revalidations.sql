-- Paper notes revalidated at counters (issue #22, fonte of paper): one row per revalidation, for
-- the counter's day report and the fonte's figures (reports group, written with the demurrage runs).
-- Revalidations recorded before this table are known after `currency-ops replay`.
CREATE TABLE note_revalidation (
    revalidation_id     VARCHAR(64)  PRIMARY KEY,
    currency            VARCHAR(16)  NOT NULL,
    counter_id          VARCHAR(64)  NOT NULL,
    series_id           VARCHAR(64),
    notes               INTEGER      NOT NULL,
    notes_json          TEXT         NOT NULL,
    face_value_minor    BIGINT       NOT NULL,
    fee_minor           BIGINT       NOT NULL,
    paid_with           VARCHAR(16)  NOT NULL,
    period_from         DATE         NOT NULL,
    due_on              DATE         NOT NULL,
    beneficiary_account VARCHAR(64)  NOT NULL,
    revalidated_by      VARCHAR(200),
    revalidated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX note_revalidation_counter ON note_revalidation (counter_id, revalidated_at);
CREATE INDEX note_revalidation_currency ON note_revalidation (currency, due_on);
