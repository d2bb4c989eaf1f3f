-- CCAS aid programmes (written by the "aid" processor): the programmes and their fundings, the
-- earmarked lots each account holds, every aid movement for the programme report, and the bulk
-- jobs (grants, collectivité payments) with their lines.

CREATE TABLE aid_program_view (
    program_id       VARCHAR(64)  PRIMARY KEY,
    ccas_id          VARCHAR(64)  NOT NULL,
    ccas_account_id  VARCHAR(64)  NOT NULL,
    currency         VARCHAR(16)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    filieres         VARCHAR(1000) NOT NULL,
    validity_days    INTEGER      NOT NULL,
    monthly_cap_minor BIGINT,
    status           VARCHAR(12)  NOT NULL,
    balance_minor    BIGINT       NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX aid_program_ccas ON aid_program_view (ccas_id);

CREATE TABLE aid_funding_view (
    funding_id      VARCHAR(64)  PRIMARY KEY,
    program_id      VARCHAR(64)  NOT NULL,
    euros_minor     BIGINT       NOT NULL,
    reference       VARCHAR(140),
    bank_reference  VARCHAR(140),
    status          VARCHAR(12)  NOT NULL,
    announced_at    TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ
);
CREATE INDEX aid_funding_program ON aid_funding_view (program_id);

-- What is left of each grant on its account, while something is left.
CREATE TABLE earmark_lot (
    account_id      VARCHAR(64)  NOT NULL,
    grant_id        VARCHAR(64)  NOT NULL,
    program_id      VARCHAR(64)  NOT NULL,
    remaining_minor BIGINT       NOT NULL,
    filieres        VARCHAR(1000) NOT NULL,
    expires_on      DATE         NOT NULL,
    PRIMARY KEY (account_id, grant_id)
);
CREATE INDEX earmark_lot_expiry ON earmark_lot (expires_on);

-- One row per aid movement: FUNDED (euros in, units issued), GRANTED, SPENT (at a merchant),
-- RETURNED (at expiry), CLOSED (paid out to the CCAS). The report sums them over a period.
CREATE TABLE aid_movement (
    global_index    BIGINT       NOT NULL,
    line            INTEGER      NOT NULL,
    program_id      VARCHAR(64)  NOT NULL,
    kind            VARCHAR(12)  NOT NULL,
    units_minor     BIGINT       NOT NULL,
    grant_id        VARCHAR(64),
    beneficiary_id  VARCHAR(64),
    payee_account_id VARCHAR(64),
    filiere         VARCHAR(40),
    at              TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (global_index, line)
);
CREATE INDEX aid_movement_program ON aid_movement (program_id, at);

-- Bulk jobs: the lines of one upload, processed in chunks by whichever node holds the job lock.
CREATE TABLE bulk_job (
    job_id          VARCHAR(64)  PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    target_id       VARCHAR(64)  NOT NULL,
    owner_id        VARCHAR(64),
    created_by      VARCHAR(100),
    status          VARCHAR(12)  NOT NULL,
    total_lines     INTEGER      NOT NULL,
    done_lines      INTEGER      NOT NULL,
    succeeded_lines INTEGER      NOT NULL,
    refused_lines   INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX bulk_job_running ON bulk_job (status, created_at);

CREATE TABLE bulk_line (
    job_id          VARCHAR(64)  NOT NULL,
    line            INTEGER      NOT NULL,
    line_key        VARCHAR(200),
    operation_id    VARCHAR(64),
    party_id        VARCHAR(64),
    amount_minor    BIGINT,
    expires_on      DATE,
    reference       VARCHAR(140),
    status          VARCHAR(16)  NOT NULL,
    code            VARCHAR(64),
    detail          VARCHAR(500),
    PRIMARY KEY (job_id, line)
);
CREATE INDEX bulk_line_operation ON bulk_line (operation_id);
