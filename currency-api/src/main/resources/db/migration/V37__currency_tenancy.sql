-- Each association its own master (issue #23). A CURRENCY_ADMIN administers one currency; an
-- AUDITOR may be bound to one. Agents, members, merchants… belong to the currency of their counter
-- or participant already: their column stays empty and sign-in reads the currency from there.
ALTER TABLE app_user ADD COLUMN currency VARCHAR(16);
ALTER TABLE app_user DROP CONSTRAINT app_user_role;
ALTER TABLE app_user ADD CONSTRAINT app_user_role CHECK (role IN ('ADMIN', 'CURRENCY_ADMIN', 'COUNTER_AGENT',
    'MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE', 'EMPLOYER', 'AUDITOR'));
ALTER TABLE app_user DROP CONSTRAINT app_user_binding;
ALTER TABLE app_user ADD CONSTRAINT app_user_binding CHECK (
    (role = 'COUNTER_AGENT' AND counter_id IS NOT NULL AND participant_id IS NULL AND currency IS NULL)
    OR (role IN ('MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE', 'EMPLOYER') AND participant_id IS NOT NULL
        AND counter_id IS NULL AND currency IS NULL)
    OR (role = 'CURRENCY_ADMIN' AND currency IS NOT NULL AND participant_id IS NULL AND counter_id IS NULL)
    OR (role = 'AUDITOR' AND participant_id IS NULL AND counter_id IS NULL)
    OR (role = 'ADMIN' AND participant_id IS NULL AND counter_id IS NULL AND currency IS NULL));
CREATE INDEX app_user_currency ON app_user (currency);

-- A change of currency ends the user's sessions like any other change of binding (V26).
CREATE OR REPLACE FUNCTION app_user_credentials_changed() RETURNS trigger AS $$
BEGIN
    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.enabled IS DISTINCT FROM OLD.enabled
            OR NEW.role IS DISTINCT FROM OLD.role OR NEW.participant_id IS DISTINCT FROM OLD.participant_id
            OR NEW.counter_id IS DISTINCT FROM OLD.counter_id OR NEW.currency IS DISTINCT FROM OLD.currency THEN
        NEW.credentials_version := OLD.credentials_version + 1;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Bulk jobs are served fairly between currencies: each job knows its currency, and when a chunk of
-- it was last carried out (the currency served longest ago goes next). Jobs stored before this
-- version have no currency: they share one turn.
ALTER TABLE bulk_job ADD COLUMN currency VARCHAR(16);
ALTER TABLE bulk_job ADD COLUMN last_chunk_at TIMESTAMPTZ;
