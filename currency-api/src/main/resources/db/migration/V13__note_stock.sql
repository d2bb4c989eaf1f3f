-- The notes each counter holds, by denomination, for the counter's pages (directory group).
CREATE TABLE counter_note_stock (
    counter_id   VARCHAR(64) NOT NULL,
    denomination INTEGER     NOT NULL,
    notes        BIGINT      NOT NULL,
    PRIMARY KEY (counter_id, denomination)
);
