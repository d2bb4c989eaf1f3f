-- Member numbers (MemberNumberAssigned) and searching participants by name and number.

-- A name folded for search: lower case, without accents, so that "helene" finds "Hélène". The
-- participants' search column and the queries both use it, so they always fold alike.
CREATE FUNCTION mlc_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(replace(replace(replace(replace(translate($1,
        'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸ',
        'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyY'),
        'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'))
$$;

-- The number each participant was given ("BOUSOL-000123"; it names its currency, so it is unique
-- in its currency by being unique at all). Null until the participant is numbered.
ALTER TABLE participant_view ADD COLUMN number VARCHAR(40);
ALTER TABLE participant_view ADD COLUMN search_name TEXT GENERATED ALWAYS AS (mlc_fold(name)) STORED;
-- text_pattern_ops: the same index answers "number LIKE 'BOUSOL-0001%'" (prefix search).
CREATE UNIQUE INDEX participant_view_number ON participant_view (number text_pattern_ops);
CREATE INDEX participant_view_currency_name ON participant_view (currency, search_name, participant_id);

-- Numbers as they were assigned, whether or not the participant's row is there yet: a registration
-- records its number before the participant, so the number is seen first.
CREATE TABLE participant_number (
    participant_id VARCHAR(64) PRIMARY KEY,
    currency       VARCHAR(16) NOT NULL,
    number         VARCHAR(40) NOT NULL UNIQUE
);
