-- Where each participant is (#21): its commune (INSEE code) and EPCI (SIREN), for territory reports.
ALTER TABLE participant_view ADD COLUMN commune VARCHAR(5);
ALTER TABLE participant_view ADD COLUMN epci VARCHAR(9);
CREATE INDEX participant_view_commune ON participant_view (currency, commune);
