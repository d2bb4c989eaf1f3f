-- The agent who made a conversion (the user in the command's metadata), printed on its receipt.
-- Rows written before stay NULL until the reports projection is replayed.
ALTER TABLE conversion_view ADD COLUMN agent VARCHAR(200);
