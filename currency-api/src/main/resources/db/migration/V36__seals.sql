-- Seals of the event store (docs/hosting.md): one chain per currency. A seal's root is the SHA-256
-- of the previous root and the digests of the chain's events from from_index to to_index
-- (org.mlc.ledger.api.seal.SealCodec); from_index and to_index are this deployment's global indexes,
-- not part of the root, so that a currency imported elsewhere keeps its roots.
CREATE TABLE seal (
    currency      VARCHAR(32) NOT NULL,
    sequence      BIGINT      NOT NULL,
    from_index    BIGINT      NOT NULL,
    to_index      BIGINT      NOT NULL,
    event_count   BIGINT      NOT NULL,
    root          BYTEA       NOT NULL,
    previous_root BYTEA       NOT NULL,
    sealed_at     TIMESTAMPTZ NOT NULL,
    -- Ed25519 over SealCodec.signedText, when MLC_SEAL_KEY is set
    signature     BYTEA,
    PRIMARY KEY (currency, sequence)
);
CREATE INDEX seal_to_index ON seal (to_index);

-- Each sealed event's digest, by global index: the root is the proof, these only say which event
-- differs when a root does not match.
CREATE TABLE seal_event (
    global_index  BIGINT      PRIMARY KEY,
    currency      VARCHAR(32) NOT NULL,
    seal_sequence BIGINT      NOT NULL,
    digest        BYTEA       NOT NULL
);

-- The chain each aggregate's events go to, fixed by the aggregate's first sealed event.
CREATE TABLE seal_aggregate (
    aggregate_identifier VARCHAR(255) PRIMARY KEY,
    currency             VARCHAR(32)  NOT NULL
);
