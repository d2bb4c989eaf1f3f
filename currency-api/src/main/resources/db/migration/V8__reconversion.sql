-- Reconversions and their payouts, for reading, for the bank's transfer list, and for what the
-- guarantee fund has paid out (written by the "ledger" processor with ledger_balance, so that the
-- fund's balance plus its payouts is read as one consistent figure).
CREATE TABLE reconversion_view (
    reconversion_id VARCHAR(64)  PRIMARY KEY,
    currency        VARCHAR(16)  NOT NULL,
    account_id      VARCHAR(64)  NOT NULL,
    units_minor     BIGINT       NOT NULL,
    fee_minor       BIGINT       NOT NULL,
    euros_minor     BIGINT       NOT NULL,
    -- what the fund's balance in ledger_balance already has taken out for this payout
    paid_out_minor  BIGINT       NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    bank_order      VARCHAR(140),
    bank_reference  VARCHAR(140),
    requested_at    TIMESTAMPTZ  NOT NULL,
    paid_at         TIMESTAMPTZ,
    confirmed_at    TIMESTAMPTZ
);
CREATE INDEX reconversion_currency_status ON reconversion_view (currency, status, requested_at);
