-- Printed series of paper notes and where each note is, for the inventory (directory group).
CREATE TABLE note_series_view (
    series_id         VARCHAR(64) PRIMARY KEY,
    currency          VARCHAR(16) NOT NULL,
    series            VARCHAR(40) NOT NULL,
    valid_until       DATE,
    exchange_deadline DATE,
    printed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX note_series_view_currency ON note_series_view (currency);

-- Notes by currency, series ('' for notes of no series), denomination and place: PRINTED, VAULT,
-- COUNTER (counter_id names it; '' elsewhere), CIRCULATION, WITHDRAWN, DESTROYED.
CREATE TABLE note_inventory (
    currency     VARCHAR(16) NOT NULL,
    series_id    VARCHAR(64) NOT NULL,
    denomination INTEGER     NOT NULL,
    place        VARCHAR(16) NOT NULL,
    counter_id   VARCHAR(64) NOT NULL,
    notes        BIGINT      NOT NULL,
    PRIMARY KEY (currency, series_id, denomination, place, counter_id)
);

-- Each counter's currency, for the counter events that do not name it.
CREATE TABLE note_counter (
    counter_id VARCHAR(64) PRIMARY KEY,
    currency   VARCHAR(16) NOT NULL
);

-- The directory group has read the counters and their note stock already: what it knows is carried
-- over (the stock as notes of no series printed for and held by their counter). The notes of no
-- series already sold are not known by denomination here; `currency-ops replay` rebuilds them.
INSERT INTO note_counter (counter_id, currency) SELECT counter_id, currency FROM counter_view;
INSERT INTO note_inventory (currency, series_id, denomination, place, counter_id, notes)
    SELECT c.currency, '', s.denomination, 'COUNTER', s.counter_id, s.notes
    FROM counter_note_stock s JOIN counter_view c ON c.counter_id = s.counter_id WHERE s.notes <> 0;
INSERT INTO note_inventory (currency, series_id, denomination, place, counter_id, notes)
    SELECT c.currency, '', s.denomination, 'PRINTED', '', SUM(s.notes)
    FROM counter_note_stock s JOIN counter_view c ON c.counter_id = s.counter_id WHERE s.notes <> 0
    GROUP BY c.currency, s.denomination;
