-- Hourly sums of each day row, for the customer's usage views at hourly, daily and monthly resolution: one row per
-- interval_day row (same meter, channel and UTC day), written by ReadingStore in the same transaction whenever the
-- day row is written or rewritten (ingest, late reads, validation, estimation, edits), and removed with it by
-- retention (same month partitions). A view reads 24 sums a day instead of 96 values and their qualities.
--
--   sums:      24 big-endian integers, the sum of the values of the slots starting in each UTC hour (0 where none);
--              4 bytes each (96 bytes) when every sum fits an integer, else 8 bytes each (192 bytes)
--   counts:    24 bytes, the number of filled slots starting in each hour
--   estimated: 24 bytes, the number of those slots whose quality is an estimate (ESPI 8 or 9); NULL when none is
CREATE TABLE interval_hours (
    meter_id  text COLLATE "C" NOT NULL,
    channel   smallint NOT NULL,
    day       date NOT NULL,
    sums      bytea NOT NULL,
    counts    bytea NOT NULL,
    estimated bytea,
    PRIMARY KEY (meter_id, channel, day),
    CHECK (length(sums) IN (96, 192) AND length(counts) = 24 AND (estimated IS NULL OR length(estimated) = 24))
) PARTITION BY RANGE (day);

-- The rows already stored: a partition per month interval_day has, and their sums computed here (8-byte sums).
DO $$
DECLARE month date;
BEGIN
    FOR month IN
        SELECT to_date(substring(child.relname FROM 'interval_day_(\d{4}_\d{2})$'), 'YYYY_MM')
          FROM pg_inherits
          JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
          JOIN pg_class child ON child.oid = pg_inherits.inhrelid
         WHERE parent.relname = 'interval_day'
    LOOP
        PERFORM mg_ensure_month_partition('interval_hours', month);
    END LOOP;
END
$$;

INSERT INTO interval_hours (meter_id, channel, day, sums, counts, estimated)
SELECT d.meter_id, d.channel, d.day,
       string_agg(int8send(h.total), ''::bytea ORDER BY h.hour),
       string_agg(set_byte('\x00'::bytea, 0, h.filled), ''::bytea ORDER BY h.hour),
       CASE WHEN sum(h.estimates) = 0 THEN NULL
            ELSE string_agg(set_byte('\x00'::bytea, 0, h.estimates), ''::bytea ORDER BY h.hour) END
  FROM interval_day d,
       LATERAL (
           SELECT hour.h AS hour,
                  coalesce(sum(s.v) FILTER (WHERE s.v <> -2147483648), 0)::bigint AS total,
                  count(*) FILTER (WHERE s.v <> -2147483648)::int AS filled,
                  count(*) FILTER (WHERE s.v <> -2147483648 AND s.q IN (8, 9))::int AS estimates
             FROM generate_series(0, 23) AS hour(h)
             LEFT JOIN (
                 SELECT i * d.interval_seconds / 3600 AS hour,
                        (get_byte(d.vals, 4 * i) << 24) | (get_byte(d.vals, 4 * i + 1) << 16)
                            | (get_byte(d.vals, 4 * i + 2) << 8) | get_byte(d.vals, 4 * i + 3) AS v,
                        CASE WHEN d.quality = -1 THEN get_byte(d.qualities, i) ELSE d.quality END AS q
                   FROM generate_series(0, 86400 / d.interval_seconds - 1) AS slot(i)
             ) s ON s.hour = hour.h
            GROUP BY hour.h
       ) h
 GROUP BY d.meter_id, d.channel, d.day;
