-- The guarantee fund's bank accounts and what each holds by the fund's own figures (written by the
-- "ledger" processor with ledger_balance, so that the accounts add up to the fund's balance there).
-- Account "1" is the implicit one of a currency that declared none: bank and IBAN null.
CREATE TABLE fund_account (
    currency       VARCHAR(16)  NOT NULL,
    account_id     VARCHAR(8)   NOT NULL,
    bank           VARCHAR(100),
    iban           VARCHAR(34),
    balance_minor  BIGINT       NOT NULL DEFAULT 0,
    declared_at    TIMESTAMPTZ,
    PRIMARY KEY (currency, account_id)
);
