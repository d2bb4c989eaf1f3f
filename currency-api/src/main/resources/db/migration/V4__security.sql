-- Users are bound to what they may touch: a counter agent to one counter, a member, merchant,
-- CCAS or collectivité to its participant. ADMIN and AUDITOR are bound to nothing.
ALTER TABLE app_user ADD COLUMN participant_id VARCHAR(64);
ALTER TABLE app_user ADD COLUMN counter_id VARCHAR(64);
ALTER TABLE app_user ADD COLUMN changed_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE app_user ADD CONSTRAINT app_user_role
    CHECK (role IN ('ADMIN', 'COUNTER_AGENT', 'MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE', 'AUDITOR'));
ALTER TABLE app_user ADD CONSTRAINT app_user_binding CHECK (
    (role = 'COUNTER_AGENT' AND counter_id IS NOT NULL AND participant_id IS NULL)
    OR (role IN ('MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE') AND participant_id IS NOT NULL AND counter_id IS NULL)
    OR (role IN ('ADMIN', 'AUDITOR') AND participant_id IS NULL AND counter_id IS NULL));
