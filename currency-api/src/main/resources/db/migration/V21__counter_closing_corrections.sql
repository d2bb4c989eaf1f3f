-- The Z report's period and closer (ClosingSigned); null for closings recorded before they were kept.
ALTER TABLE counter_closing ADD COLUMN period_from TIMESTAMPTZ;
ALTER TABLE counter_closing ADD COLUMN period_to TIMESTAMPTZ;
ALTER TABLE counter_closing ADD COLUMN closed_by VARCHAR(200);

-- Recounts of a closing (ClosingCorrected): the closing's row stays as it was.
CREATE TABLE counter_closing_correction (
    correction_id          VARCHAR(64)  PRIMARY KEY,
    closing_id             VARCHAR(64)  NOT NULL,
    counter_id             VARCHAR(64)  NOT NULL,
    counted_json           TEXT         NOT NULL,
    difference_json        TEXT         NOT NULL,
    total_difference_minor BIGINT       NOT NULL,
    reason                 VARCHAR(500) NOT NULL,
    corrected_by           VARCHAR(200),
    corrected_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX counter_closing_correction_closing ON counter_closing_correction (closing_id, corrected_at);
CREATE INDEX counter_closing_correction_counter ON counter_closing_correction (counter_id);

-- Shortfalls covered by the association (ShortfallCovered).
CREATE TABLE counter_shortfall_covering (
    covering_id  VARCHAR(64)  PRIMARY KEY,
    counter_id   VARCHAR(64)  NOT NULL,
    euros_minor  BIGINT       NOT NULL,
    reference    VARCHAR(200),
    covered_by   VARCHAR(200),
    covered_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX counter_shortfall_covering_counter ON counter_shortfall_covering (counter_id);

-- What entered or left a counter's drawer, per means of payment, so that cash, card slips and
-- cheques are shown apart (the ledger's COUNTER_CASH holds them together, remittances in transit
-- included). movement_id: the operation (conversion:…, fee:…, discrepancy:…, correction:…, remittance:…).
CREATE TABLE counter_drawer_movement (
    movement_id  VARCHAR(100) NOT NULL,
    means        VARCHAR(10)  NOT NULL,
    counter_id   VARCHAR(64)  NOT NULL,
    amount_minor BIGINT       NOT NULL,
    moved_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (movement_id, means)
);
CREATE INDEX counter_drawer_movement_counter ON counter_drawer_movement (counter_id, moved_at);

-- The drawer's history from the events already stored (the projection adds what follows; an
-- event both here and processed after its token is written once, by the primary key).
INSERT INTO counter_drawer_movement (movement_id, means, counter_id, amount_minor, moved_at)
SELECT 'conversion:' || (p ->> 'conversionId'), p ->> 'paidBy', p ->> 'counterId', (p ->> 'eurosMinor')::BIGINT,
       (p ->> 'at')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p FROM domain_event_entry
      WHERE payload_type = 'org.mlc.ledger.counter.EurosConverted') e
ON CONFLICT DO NOTHING;

INSERT INTO counter_drawer_movement (movement_id, means, counter_id, amount_minor, moved_at)
SELECT 'fee:' || (p ->> 'membershipId'), p ->> 'paidBy', p ->> 'counterId', (p ->> 'eurosMinor')::BIGINT,
       (p ->> 'at')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p FROM domain_event_entry
      WHERE payload_type = 'org.mlc.ledger.counter.MembershipFeeReceived') e
ON CONFLICT DO NOTHING;

INSERT INTO counter_drawer_movement (movement_id, means, counter_id, amount_minor, moved_at)
SELECT 'discrepancy:' || (p ->> 'closingId'), m.key, p ->> 'counterId', m.value::BIGINT, (p ->> 'at')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p FROM domain_event_entry
      WHERE payload_type = 'org.mlc.ledger.counter.CashDiscrepancyRecorded') e,
     jsonb_each_text(p -> 'discrepancyByMeans') m
WHERE m.value::BIGINT <> 0
ON CONFLICT DO NOTHING;

INSERT INTO counter_drawer_movement (movement_id, means, counter_id, amount_minor, moved_at)
SELECT 'remittance:' || (p ->> 'remittanceId'), p ->> 'means', p ->> 'counterId', -(p ->> 'eurosMinor')::BIGINT,
       (p ->> 'at')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p FROM domain_event_entry
      WHERE payload_type = 'org.mlc.ledger.counter.RemittancePrepared') e
ON CONFLICT DO NOTHING;
