-- Read side for reports and accounting exports (processing group "reports").

-- Every posting of every value-moving event, in the order of the event store: the books over time.
CREATE TABLE journal_entry (
    global_index   BIGINT       NOT NULL,
    line           INT          NOT NULL,
    booked_at      TIMESTAMPTZ  NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    operation_id   VARCHAR(64)  NOT NULL,
    ledger_account VARCHAR(200) NOT NULL,
    book           VARCHAR(3)   NOT NULL,
    currency       VARCHAR(16)  NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    account_ref    VARCHAR(64),
    amount_minor   BIGINT       NOT NULL,
    PRIMARY KEY (global_index, line)
);
CREATE INDEX journal_entry_time ON journal_entry (currency, booked_at);
CREATE INDEX journal_entry_account ON journal_entry (ledger_account, booked_at);

-- Conversions at counters, for counter day reports and conversion indicators.
CREATE TABLE conversion_view (
    conversion_id VARCHAR(64) PRIMARY KEY,
    counter_id    VARCHAR(64) NOT NULL,
    currency      VARCHAR(16) NOT NULL,
    account_id    VARCHAR(64) NOT NULL,
    euros_minor   BIGINT      NOT NULL,
    units_minor   BIGINT      NOT NULL,
    bonus_minor   BIGINT      NOT NULL,
    paid_by       VARCHAR(10) NOT NULL,
    payout        VARCHAR(10) NOT NULL,
    converted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversion_view_counter ON conversion_view (counter_id, converted_at);
CREATE INDEX conversion_view_currency ON conversion_view (currency, converted_at);

CREATE INDEX transfer_view_time ON transfer_view (currency, requested_at);
