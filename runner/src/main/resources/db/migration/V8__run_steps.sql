-- The steps a run ran (its TASKs, hook sections, a job type's build), in order, each with its
-- status, start and duration, as a JSON list; stored with the run's end. NULL for a run without
-- steps, and for every run made before this column.
ALTER TABLE run ADD COLUMN steps TEXT;

-- The versions a run made, found for many runs at once (every run answer of the API shows them).
CREATE INDEX version_by_run ON version (created_by_run);
