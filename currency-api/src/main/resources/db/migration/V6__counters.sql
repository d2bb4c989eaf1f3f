-- Exchange counters' days, remittances and the sponsors' bonus budgets, for reading.

CREATE TABLE bonus_budget_view (
    budget_id                    VARCHAR(64)  PRIMARY KEY,
    currency                     VARCHAR(16)  NOT NULL,
    sponsor                      VARCHAR(64)  NOT NULL,
    committed_minor              BIGINT       NOT NULL,
    drawn_minor                  BIGINT       NOT NULL,
    paid_in_minor                BIGINT       NOT NULL,
    valid_from                   DATE         NOT NULL,
    valid_to                     DATE         NOT NULL,
    monthly_cap_per_member_minor BIGINT       NOT NULL,
    committed_at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bonus_budget_currency ON bonus_budget_view (currency);

-- One row per closing: the Z report as the event carried it.
CREATE TABLE counter_closing (
    closing_id            VARCHAR(64) PRIMARY KEY,
    counter_id            VARCHAR(64) NOT NULL,
    total_discrepancy_minor BIGINT    NOT NULL,
    report_json           TEXT        NOT NULL,
    closed_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX counter_closing_counter ON counter_closing (counter_id, closed_at);

CREATE TABLE remittance_view (
    remittance_id  VARCHAR(64)  PRIMARY KEY,
    counter_id     VARCHAR(64)  NOT NULL,
    means          VARCHAR(10)  NOT NULL,
    euros_minor    BIGINT       NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    bank_reference VARCHAR(200),
    prepared_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX remittance_counter ON remittance_view (counter_id);
