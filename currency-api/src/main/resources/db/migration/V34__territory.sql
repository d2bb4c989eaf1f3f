-- Where each participant is (#21): its commune (INSEE code) and EPCI (SIREN), for territory reports.
ALTER TABLE participant_view ADD COLUMN commune VARCHAR(5);
ALTER TABLE participant_view ADD COLUMN epci VARCHAR(9);
CREATE INDEX participant_view_commune ON participant_view (currency, commune);
-- The yearly membership fee of a participant kind where it differs from the one fee ("COLLECTIVITE:5000,MERCHANT:3000").
ALTER TABLE currency_view ADD COLUMN membership_fees_by_kind VARCHAR(400) NOT NULL DEFAULT '';
-- The EMPLOYER role (a company or its CSE), bound to its participant like a CCAS's users.
ALTER TABLE app_user DROP CONSTRAINT app_user_role;
ALTER TABLE app_user ADD CONSTRAINT app_user_role
    CHECK (role IN ('ADMIN', 'COUNTER_AGENT', 'MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE', 'EMPLOYER', 'AUDITOR'));
ALTER TABLE app_user DROP CONSTRAINT app_user_binding;
ALTER TABLE app_user ADD CONSTRAINT app_user_binding CHECK (
    (role = 'COUNTER_AGENT' AND counter_id IS NOT NULL AND participant_id IS NULL)
    OR (role IN ('MERCHANT', 'MEMBER', 'CCAS', 'COLLECTIVITE', 'EMPLOYER') AND participant_id IS NOT NULL
        AND counter_id IS NULL)
    OR (role IN ('ADMIN', 'AUDITOR') AND participant_id IS NULL AND counter_id IS NULL));
