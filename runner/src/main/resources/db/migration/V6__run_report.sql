-- What a run found that users read besides its log (a CI build's test counts and coverage per
-- matrix job), as JSON; NULL for a run without one, and for every run made before this column.
ALTER TABLE run ADD COLUMN report TEXT;
