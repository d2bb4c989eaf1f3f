-- Direct issuances (issue #21): a funder's euros issued as units to its recipients, line by line.
CREATE TABLE issuance_view (
    issuance_id     VARCHAR(64)  PRIMARY KEY,
    currency        VARCHAR(16)  NOT NULL,
    funder_id       VARCHAR(64)  NOT NULL,
    reference       VARCHAR(140) NOT NULL,
    euros_minor     BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    bank_reference  VARCHAR(200),
    filed_by        VARCHAR(200),
    filed_at        TIMESTAMPTZ  NOT NULL,
    funded_at       TIMESTAMPTZ
);
CREATE INDEX issuance_funder ON issuance_view (funder_id, filed_at);
CREATE INDEX issuance_status ON issuance_view (status);

-- Each line and what became of it.
CREATE TABLE issuance_line (
    issuance_id     VARCHAR(64)  NOT NULL,
    line_no         INT          NOT NULL,
    line_key        VARCHAR(64)  NOT NULL,
    recipient_id    VARCHAR(64)  NOT NULL,
    account_id      VARCHAR(64)  NOT NULL,
    units_minor     BIGINT       NOT NULL,
    label           VARCHAR(140),
    status          VARCHAR(16)  NOT NULL,
    code            VARCHAR(64),
    issued_at       TIMESTAMPTZ,
    PRIMARY KEY (issuance_id, line_key)
);
CREATE INDEX issuance_line_account ON issuance_line (account_id);
