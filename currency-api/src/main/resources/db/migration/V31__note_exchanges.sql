-- Notes of an ended series exchanged at a counter, one row per exchange, for the counter's day
-- report (directory group, written with the note inventory). Exchanges recorded before this
-- table are known after `currency-ops replay`.
CREATE TABLE note_exchange_view (
    exchange_id  VARCHAR(64) PRIMARY KEY,
    counter_id   VARCHAR(64) NOT NULL,
    series_id    VARCHAR(64) NOT NULL,
    notes        INTEGER     NOT NULL,
    units_minor  BIGINT      NOT NULL,
    exchanged_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX note_exchange_view_counter ON note_exchange_view (counter_id, exchanged_at);
