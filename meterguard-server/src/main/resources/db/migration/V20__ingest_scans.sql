-- Ingest at fleet scale, measured with the end-to-end benchmark (docs/benchmarks.md).

-- Security reports and the detection job ask for the key versions issued by rotation (every version after a meter's
-- first) in a time range, every few seconds. Without an index that was a scan of the whole meter_key table each
-- time, about 90 ms at 400,000 meters while a fleet's day was arriving, growing with the fleet. Only rotated
-- versions are indexed, so a meter's first key, the one updated by every frame, costs the index nothing.
CREATE INDEX meter_key_rotations ON meter_key (created_at) WHERE key_version > 1;
