-- Ingest tuning, measured with the end-to-end benchmark (docs/benchmarks.md).

-- Every stored frame raises its meter key's counter: leave room on each page so that the update is HOT (no index
-- entries written), as the counter is in no index.
ALTER TABLE meter_key SET (fillfactor = 50);

-- Received frames are appended in time order and only ever deleted by age: a BRIN index serves that at a fraction
-- of a B-tree's cost per insert.
DROP INDEX received_frame_time;
CREATE INDEX received_frame_time ON received_frame USING brin (received_at);

-- The head-end updates when each meter was last heard, once per push: room for HOT updates here too.
ALTER TABLE meter SET (fillfactor = 70);

-- Interval rows are written only by the head-end's batch writer, and only for meters it has just found in the
-- registry; the foreign key's per-row check cost more than the rest of the row's insert. Meters are never deleted
-- (retention removes data, not meters), so no orphan can arise.
ALTER TABLE interval_day DROP CONSTRAINT interval_day_meter_id_fkey;

-- Meter ids are identifiers, not prose: byte order compares them fastest in every index that holds them.
ALTER TABLE interval_day ALTER COLUMN meter_id TYPE text COLLATE "C";
