-- Demurrage (fonte): the currency's policy in its view (directory group), and its runs and what
-- each took from each account (reports group).
ALTER TABLE currency_view
    ADD COLUMN demurrage_rate_numerator      BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN demurrage_rate_denominator    BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN demurrage_period_months       INTEGER,
    ADD COLUMN demurrage_first_due_on        DATE,
    ADD COLUMN demurrage_threshold_minor     BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN demurrage_kinds               TEXT        NOT NULL DEFAULT '',
    ADD COLUMN demurrage_beneficiary         VARCHAR(64),
    ADD COLUMN demurrage_beneficiary_account VARCHAR(64),
    ADD COLUMN demurrage_include_earmarked   BOOLEAN     NOT NULL DEFAULT FALSE;

-- One run per currency and due date; completed_at null while it runs (or was interrupted).
CREATE TABLE demurrage_run (
    run_id                VARCHAR(64) PRIMARY KEY,
    currency              VARCHAR(16) NOT NULL,
    due_on                DATE        NOT NULL,
    period_from           DATE        NOT NULL,
    rate_numerator        BIGINT      NOT NULL,
    rate_denominator      BIGINT      NOT NULL,
    beneficiary_account   VARCHAR(64) NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    completed_at          TIMESTAMPTZ
);
CREATE INDEX demurrage_run_currency ON demurrage_run (currency, due_on);

-- What a run took from each account (one line per account and run: an account gives once).
CREATE TABLE demurrage_charge (
    run_id       VARCHAR(64) NOT NULL,
    account_id   VARCHAR(64) NOT NULL,
    currency     VARCHAR(16) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    charged_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, account_id)
);
CREATE INDEX demurrage_charge_currency ON demurrage_charge (currency, charged_at);
