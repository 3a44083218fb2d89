-- Each rolled-up month row also keeps its hours summed per local day of its meter's zone, for the customer's daily
-- and monthly views: a first view of a year then reads about 31 sums per month row instead of 744 hours (measured:
-- decoding and adding the hours, and PostgreSQL sending them, were most of what such a view cost).
--
-- A UTC month's hours fall into the local days they start in: the first and last local day of the month row are
-- partial (in Los Angeles, the UTC month starts at 16:00 or 17:00 local time on the last day of the month before),
-- and the reader adds each part into its local day, so a local day that spans two month rows is whole again. Kept
-- only where every local midnight of the month falls on a whole UTC hour (the zone's offsets are whole hours, as in
-- North America and Europe); elsewhere day_zone is NULL and the hours are read instead. Written by MonthRollups with
-- the hours, in the zone the meter has then (meter.time_zone, else the deployment's default); a reader asking in
-- another zone reads the hours.
--
--   day_zone:      the zone's id (e.g. America/Los_Angeles); NULL when no local days are kept (and while stale)
--   day_hours:     a byte per local day, from the one the month's first hour starts in: its hours in this month
--   day_sums:      per local day, the sum of its hours' sums, as big-endian integers of 4 bytes each when every sum
--                  fits an integer, else of 8
--   day_counts:    per local day, its filled slots, as big-endian integers of 2 bytes
--   day_estimated: per local day, how many of those are estimates, 2 bytes each; NULL when none is
ALTER TABLE interval_months
    ADD COLUMN day_zone      text,
    ADD COLUMN day_hours     bytea,
    ADD COLUMN day_sums      bytea,
    ADD COLUMN day_counts    bytea,
    ADD COLUMN day_estimated bytea,
    ADD CHECK (day_zone IS NULL
               OR (NOT stale
                   AND length(day_hours) BETWEEN 1 AND 32
                   AND length(day_sums) IN (4 * length(day_hours), 8 * length(day_hours))
                   AND length(day_counts) = 2 * length(day_hours)
                   AND (day_estimated IS NULL OR length(day_estimated) = 2 * length(day_hours))));

ALTER TABLE interval_months ALTER COLUMN day_hours SET STORAGE MAIN,
                            ALTER COLUMN day_sums SET STORAGE MAIN,
                            ALTER COLUMN day_counts SET STORAGE MAIN,
                            ALTER COLUMN day_estimated SET STORAGE MAIN;

-- V23's function, with the zone the local days are asked in (NULL: hours only). A month row kept in that zone
-- returns its local days instead of its hours: sums, counts and estimated are then day_sums, day_counts and
-- day_estimated, and day_hours is set (NULL for every other row).
DROP FUNCTION meter_hours(text, smallint[], date, date, date, date, date, date);

CREATE FUNCTION meter_hours(p_meter text, p_channels smallint[], p_zone text,
                            p_months_first date, p_months_last date,
                            p_days_first date, p_days_last date,
                            p_more_first date, p_more_last date)
    RETURNS TABLE (rolled_up boolean, channel smallint, day date, stale boolean, sums bytea, counts bytea,
                   estimated bytea, interval_seconds integer, quality smallint, day_hours bytea)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
        SELECT true, m.channel, m.month, m.stale,
               CASE WHEN m.day_zone = p_zone THEN m.day_sums ELSE m.sums END,
               CASE WHEN m.day_zone = p_zone THEN m.day_counts ELSE m.counts END,
               CASE WHEN m.day_zone = p_zone THEN m.day_estimated ELSE m.estimated END,
               NULL::integer, NULL::smallint,
               CASE WHEN m.day_zone = p_zone THEN m.day_hours END
          FROM interval_months m
         WHERE m.meter_id = p_meter AND m.channel = ANY (p_channels)
           AND m.month BETWEEN p_months_first AND p_months_last
        UNION ALL
        SELECT false, d.channel, d.day, false, d.vals, NULL::bytea, d.qualities, d.interval_seconds, d.quality,
               NULL::bytea
          FROM interval_day d
         WHERE d.meter_id = p_meter AND d.channel = ANY (p_channels)
           AND d.day BETWEEN p_days_first AND p_days_last
        UNION ALL
        SELECT false, d.channel, d.day, false, d.vals, NULL::bytea, d.qualities, d.interval_seconds, d.quality,
               NULL::bytea
          FROM interval_day d
         WHERE d.meter_id = p_meter AND d.channel = ANY (p_channels)
           AND d.day BETWEEN p_more_first AND p_more_last;
END
$$;
