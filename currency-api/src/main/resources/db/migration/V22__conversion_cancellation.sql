-- A cancelled conversion stays in the view, marked with when, who and why; totals leave it out.
ALTER TABLE conversion_view ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE conversion_view ADD COLUMN cancelled_by VARCHAR(200);
ALTER TABLE conversion_view ADD COLUMN cancel_reason VARCHAR(500);
