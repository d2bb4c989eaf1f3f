-- Read side: plain tables written by streaming processors, rebuilt from the events at will.

CREATE TABLE currency_view (
    code                          VARCHAR(16)  PRIMARY KEY,
    name                          VARCHAR(200) NOT NULL,
    conversion_euros_minor        BIGINT       NOT NULL,
    conversion_units_minor        BIGINT       NOT NULL,
    reconversion_fee_basis_points BIGINT       NOT NULL,
    membership_fee_minor          BIGINT       NOT NULL,
    defined_at                    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE participant_view (
    participant_id VARCHAR(64)  PRIMARY KEY,
    kind           VARCHAR(20)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    currency       VARCHAR(16)  NOT NULL,
    account_id     VARCHAR(64)  NOT NULL,
    filiere        VARCHAR(40),
    registered_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE counter_view (
    counter_id VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    currency   VARCHAR(16)  NOT NULL,
    host       VARCHAR(200),
    defined_at TIMESTAMPTZ  NOT NULL
);

-- Balances of every ledger account of both books, participant accounts included.
CREATE TABLE ledger_balance (
    ledger_account VARCHAR(200) PRIMARY KEY,
    book           VARCHAR(3)   NOT NULL,
    currency       VARCHAR(16)  NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    balance_minor  BIGINT       NOT NULL,
    entry_count    BIGINT       NOT NULL
);
CREATE INDEX ledger_balance_currency ON ledger_balance (currency, book, kind);

CREATE TABLE account_view (
    account_id     VARCHAR(64) PRIMARY KEY,
    participant_id VARCHAR(64) NOT NULL,
    owner_kind     VARCHAR(20) NOT NULL,
    currency       VARCHAR(16) NOT NULL,
    status         VARCHAR(10) NOT NULL,
    floor_minor    BIGINT      NOT NULL,
    balance_minor  BIGINT      NOT NULL,
    entry_count    BIGINT      NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL
);

-- Statement lines of participant accounts, in the order of the event store.
CREATE TABLE account_entry (
    account_id          VARCHAR(64)  NOT NULL,
    line                BIGINT       NOT NULL,
    global_index        BIGINT       NOT NULL,
    booked_at           TIMESTAMPTZ  NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    operation_id        VARCHAR(64)  NOT NULL,
    counterparty        VARCHAR(200),
    reference           VARCHAR(200),
    amount_minor        BIGINT       NOT NULL,
    balance_after_minor BIGINT       NOT NULL,
    PRIMARY KEY (account_id, line)
);
CREATE INDEX account_entry_time ON account_entry (account_id, booked_at);

-- The first answer to each Idempotency-Key, written in the same transaction as the events.
CREATE TABLE idempotency_key (
    scope         VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    result_type   VARCHAR(200) NOT NULL,
    result_json   TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);

-- Payments and where they stand: DEBITED (in transit), COMPLETED, or RETURNED to the payer.
CREATE TABLE transfer_view (
    transfer_id   VARCHAR(64)  PRIMARY KEY,
    currency      VARCHAR(16)  NOT NULL,
    from_account  VARCHAR(64)  NOT NULL,
    to_account    VARCHAR(64)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    reference     VARCHAR(200),
    status        VARCHAR(10)  NOT NULL,
    reason        VARCHAR(100),
    requested_at  TIMESTAMPTZ  NOT NULL
);

-- Users of the API; passwords are bcrypt hashes.
CREATE TABLE app_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
