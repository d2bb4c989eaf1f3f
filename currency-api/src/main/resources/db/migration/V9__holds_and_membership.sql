-- Two-phase payments: amounts authorized on a payer's account and not yet captured, voided or
-- released at their expiry (the expiry job reads AUTHORIZED rows by expires_at).
CREATE TABLE payment_hold_view (
    hold_id         VARCHAR(64)  PRIMARY KEY,
    currency        VARCHAR(16)  NOT NULL,
    from_account    VARCHAR(64)  NOT NULL,
    to_account      VARCHAR(64)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    reference       VARCHAR(140),
    status          VARCHAR(12)  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    authorized_at   TIMESTAMPTZ  NOT NULL,
    captured_minor  BIGINT,
    transfer_id     VARCHAR(64),
    closed_at       TIMESTAMPTZ
);
CREATE INDEX payment_hold_open ON payment_hold_view (expires_at) WHERE status = 'AUTHORIZED';

ALTER TABLE account_view ADD COLUMN held_minor BIGINT NOT NULL DEFAULT 0;

-- Membership (adhésion): the last day of each participant's membership, and the currency's rule.
ALTER TABLE participant_view ADD COLUMN membership_valid_until DATE;
ALTER TABLE currency_view ADD COLUMN membership_required BOOLEAN NOT NULL DEFAULT FALSE;
