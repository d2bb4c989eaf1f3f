-- Merchants' agrément, for the directory of approved merchants. NULL for other kinds.
ALTER TABLE participant_view ADD COLUMN merchant_status VARCHAR(20);
ALTER TABLE participant_view ADD COLUMN status_decided_by VARCHAR(64);
ALTER TABLE participant_view ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE participant_view ADD COLUMN status_changed_at TIMESTAMPTZ;
CREATE INDEX participant_merchant_directory ON participant_view (currency, merchant_status, filiere);
