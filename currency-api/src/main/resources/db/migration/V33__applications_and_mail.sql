-- #20: applications made without an account, the users' e-mail addresses, the tokens of the
-- "choose a password" links, and the outbox of e-mails (the only copy when no SMTP server is set).

-- Written by the directory projection (api/application); nothing here is shown publicly.
CREATE TABLE merchant_application_view (
    application_id VARCHAR(64)  PRIMARY KEY,
    currency       VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    siret          VARCHAR(14)  NOT NULL,
    address        VARCHAR(200) NOT NULL,
    postcode       VARCHAR(5)   NOT NULL,
    commune        VARCHAR(200) NOT NULL,
    lat            VARCHAR(16),
    lon            VARCHAR(16),
    filiere        VARCHAR(40)  NOT NULL,
    email          VARCHAR(200) NOT NULL,
    phone          VARCHAR(30),
    description    VARCHAR(1000),
    website        VARCHAR(200),
    submitted_at   TIMESTAMPTZ  NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     TIMESTAMPTZ,
    reason         VARCHAR(500),
    participant_id VARCHAR(64)
);
CREATE INDEX merchant_application_view_currency ON merchant_application_view (currency, status, submitted_at);

CREATE TABLE membership_application_view (
    application_id VARCHAR(64)  PRIMARY KEY,
    -- the short reference the person gives at the counter (A-7K3QX9)
    number         VARCHAR(16)  NOT NULL,
    currency       VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    email          VARCHAR(200) NOT NULL,
    commune        VARCHAR(200) NOT NULL,
    submitted_at   TIMESTAMPTZ  NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     TIMESTAMPTZ,
    participant_id VARCHAR(64)
);
CREATE INDEX membership_application_view_number ON membership_application_view (number);
CREATE INDEX membership_application_view_currency ON membership_application_view (currency, status, submitted_at);

ALTER TABLE app_user ADD COLUMN email VARCHAR(200);
CREATE INDEX app_user_email ON app_user (lower(email));

-- A link's token is never stored, only its SHA-256: a copy of the table opens no account.
CREATE TABLE password_token (
    token_hash VARCHAR(64)  PRIMARY KEY,
    username   VARCHAR(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    purpose    VARCHAR(16)  NOT NULL CHECK (purpose IN ('WELCOME', 'RESET')),
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_token_user ON password_token (username, created_at);

-- Every message written: SENT over SMTP, FAILED there (kept with the error), or OUTBOX when no
-- SMTP server is set (the administrator reads it). dedupe_key keeps a retried request from
-- writing the same message twice.
CREATE TABLE mail_outbox (
    id         BIGSERIAL    PRIMARY KEY,
    dedupe_key VARCHAR(200) NOT NULL UNIQUE,
    recipient  VARCHAR(200) NOT NULL,
    subject    VARCHAR(300) NOT NULL,
    body       TEXT         NOT NULL,
    status     VARCHAR(8)   NOT NULL CHECK (status IN ('OUTBOX', 'SENT', 'FAILED')),
    error      VARCHAR(500),
    created_at TIMESTAMPTZ  NOT NULL
);
