-- Each closed UTC month's hourly sums of one meter and channel in one row, for the customer's usage views: a year
-- is then 12 rows per channel instead of 365 day rows (measured: the rows, not their bytes, were most of a first
-- view's cost). Derived from interval_day, never the other way round; a reader uses a row only while it is not stale
-- and sums the day rows of every other month.
--
-- Written by MonthRollups: its job rolls up each month a week after it ended (the months done are listed in
-- interval_months_built; a month up to the latest listed has a row for every meter and channel with data in it) and
-- rebuilds the rows marked stale. Every write of a day row in a month that ended more than three days before marks
-- that month's row stale in the same transaction, inserting the row when there is none (so that a rebuild in
-- progress, which holds it locked, makes the write wait and the mark land after the rebuild). Retention removes a
-- dropped month's rows and marks a partly deleted month's stale.
--
--   month:     the first day of the UTC month
--   sums:      per hour of the month from its first midnight UTC (24 per day), the sum of the values of the filled
--              slots starting in it (0 where none), as big-endian integers of 4 bytes each when every sum fits an
--              integer, else of 8
--   counts:    a byte per hour: the number of filled slots starting in it
--   estimated: a byte per hour: how many of those are estimates (ESPI 8 or 9); NULL when none is
--   (all three NULL while stale)
CREATE TABLE interval_months (
    meter_id  text COLLATE "C" NOT NULL,
    channel   smallint NOT NULL,
    month     date NOT NULL,
    stale     boolean NOT NULL DEFAULT true,
    sums      bytea,
    counts    bytea,
    estimated bytea,
    PRIMARY KEY (meter_id, channel, month),
    CHECK (extract(day FROM month) = 1),
    CHECK (stale OR (length(counts) = 24 * extract(day FROM month + interval '1 month' - interval '1 day')
                     AND length(sums) IN (4 * length(counts), 8 * length(counts))
                     AND (estimated IS NULL OR length(estimated) = length(counts))))
);

-- A row (about 4.5 kB for 744 hours of 4-byte sums, counts and estimates; 9 kB at most) stays in its heap page,
-- uncompressed unless it would not fit one: PostgreSQL's default would compress and move anything over 2 kB into the
-- TOAST table, and a view would then pay a decompression and a TOAST index lookup per row.
ALTER TABLE interval_months ALTER COLUMN sums SET STORAGE MAIN,
                            ALTER COLUMN counts SET STORAGE MAIN,
                            ALTER COLUMN estimated SET STORAGE MAIN;
ALTER TABLE interval_months SET (toast_tuple_target = 8160);

CREATE INDEX interval_months_stale ON interval_months (month, meter_id) WHERE stale;

-- The months the job has rolled up whole once; after that only stale rows need it.
CREATE TABLE interval_months_built (
    month    date PRIMARY KEY,
    built_at timestamptz NOT NULL
);

-- Replaced: V18's hourly sums of every day row, written beside each day row on the ingest path (about a sixth of a
-- fleet day's ingest time end to end, measured). The open months' views sum the day rows themselves, and the closed
-- months are read from interval_months.
DROP TABLE interval_hours;
