-- Who may get a currency's bonus: participant kinds, comma-separated and sorted. A currency that
-- never set it gives the bonus to members only (bonus/BonusPolicy.ELIGIBLE_BY_DEFAULT).
ALTER TABLE currency_view ADD COLUMN bonus_eligible_kinds TEXT NOT NULL DEFAULT 'MEMBER';
