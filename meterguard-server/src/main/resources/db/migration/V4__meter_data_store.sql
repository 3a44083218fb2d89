-- The meter data store at fleet scale: monthly partitions that retention drops, integer arrays, revisions and
-- conflicts kept beside the data, channel metadata as Green Button ReadingTypes, and the meter <-> service point
-- <-> customer account links bounded in time, with personal details sealed under per-account data keys.

-- Creates the month partition of a table partitioned by month (named <table>_YYYY_MM) unless it exists.
-- Every writer calls it for the months it is about to write; there is no default partition, so a row can never
-- land where a later partition would conflict with it.
CREATE FUNCTION mg_ensure_month_partition(parent text, any_day date) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', any_day)::date;
    part text := format('%s_%s', parent, to_char(first_day, 'YYYY_MM'));
BEGIN
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       part, parent, first_day, (first_day + interval '1 month')::date);
    END IF;
    RETURN part;
END
$$;

-- Channel metadata: how each stored channel maps onto Green Button's ReadingType (ESPI code values). The interval
-- length is per row (interval_seconds), as a meter's profile period is configured per meter.
CREATE TABLE reading_type (
    channel                smallint PRIMARY KEY,
    name                   text NOT NULL UNIQUE,
    commodity              smallint NOT NULL,   -- ESPI CommodityKind, 1 = electricity secondary metered
    kind                   smallint NOT NULL,   -- ESPI MeasurementKind, 12 = energy, 54 = voltage
    uom                    smallint NOT NULL,   -- ESPI UnitSymbolKind, 72 = Wh, 29 = V
    power_of_ten_multiplier smallint NOT NULL,  -- stored integers are in uom x 10^multiplier
    flow_direction         smallint NOT NULL,   -- ESPI FlowDirectionKind, 1 forward, 19 reverse, 0 n/a
    accumulation_behaviour smallint NOT NULL    -- ESPI AccumulationKind, 4 delta data, 12 instantaneous
);
INSERT INTO reading_type VALUES
    (1, 'ACTIVE_ENERGY_IMPORT', 1, 12, 72, 0, 1, 4),
    (2, 'ACTIVE_ENERGY_EXPORT', 1, 12, 72, 0, 19, 4),
    (3, 'VOLTAGE_L1', 1, 54, 29, -1, 0, 12),
    (4, 'VOLTAGE_L2', 1, 54, 29, -1, 0, 12),
    (5, 'VOLTAGE_L3', 1, 54, 29, -1, 0, 12);

-- Interval data: one row per meter, channel and UTC day, one slot per interval (NULL = missing), partitioned by
-- month. Values are 4-byte integers in the channel's unit and multiplier (a 15-minute Wh value fits with room to
-- spare). Nearly every row's filled slots share one quality: that code is kept once, in quality; only a row whose
-- slots differ keeps one code per slot, in qualities (quality = -1).
ALTER TABLE interval_day RENAME TO interval_day_v3;
CREATE TABLE interval_day (
    meter_id         text COLLATE "C" NOT NULL,
    channel          smallint NOT NULL,                -- reading_type.channel (no foreign key: checked per row, it
                                                      -- cost more than the insert; the writer knows its channels)
    day              date NOT NULL,
    interval_seconds integer NOT NULL,
    vals             integer[] NOT NULL,
    quality          smallint NOT NULL,
    qualities        bytea,
    PRIMARY KEY (meter_id, channel, day),
    CHECK ((quality = -1) = (qualities IS NOT NULL))
) PARTITION BY RANGE (day);

-- The validation job walks days in order: a BRIN index finds a day's rows in a month's partition for almost nothing.
CREATE INDEX interval_day_by_day ON interval_day USING brin (day);

DO $$
DECLARE month date;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', day)::date FROM interval_day_v3 LOOP
        PERFORM mg_ensure_month_partition('interval_day', month);
    END LOOP;
END
$$;

INSERT INTO interval_day (meter_id, channel, day, interval_seconds, vals, quality, qualities)
SELECT o.meter_id, o.channel, o.day, o.interval_seconds, o.vals::integer[],
       CASE WHEN q.kinds <= 1 THEN coalesce(q.only, 14) ELSE -1 END,
       CASE WHEN q.kinds <= 1 THEN NULL ELSE q.codes END
  FROM interval_day_v3 o,
       LATERAL (SELECT count(DISTINCT c) AS kinds, min(c) AS only,
                       decode(string_agg(lpad(to_hex(coalesce(c, 0)), 2, '0'), '' ORDER BY i), 'hex') AS codes
                  FROM unnest(o.quality) WITH ORDINALITY AS s(c, i)) q;
DROP TABLE interval_day_v3;
DROP FUNCTION mg_fill_slots(anyarray, anyarray);

-- Every change to a stored value, with the value it replaced: estimates (by validation), edits (by people, who
-- must say why), and actual reads that replaced an estimate.
CREATE TABLE interval_revision (
    id             bigserial PRIMARY KEY,
    meter_id       text COLLATE "C" NOT NULL,
    channel        smallint NOT NULL,
    interval_start timestamptz NOT NULL,
    old_value      bigint,                      -- NULL: the slot was missing
    old_quality    smallint,
    new_value      bigint NOT NULL,
    new_quality    smallint NOT NULL,
    actor          text NOT NULL,
    reason         text NOT NULL,
    revised_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interval_revision_slot ON interval_revision (meter_id, channel, interval_start);

-- A re-sent interval whose value differs from a stored value that is not an estimate: the stored value is kept
-- (it may have been validated or edited) and the difference is recorded here for the data steward.
CREATE TABLE interval_conflict (
    id             bigserial PRIMARY KEY,
    meter_id       text COLLATE "C" NOT NULL,
    channel        smallint NOT NULL,
    interval_start timestamptz NOT NULL,
    stored_value   bigint NOT NULL,
    stored_quality smallint NOT NULL,
    received_value bigint NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interval_conflict_slot ON interval_conflict (meter_id, channel, interval_start);

-- Events and register reads, partitioned by month as well.
ALTER TABLE meter_event RENAME TO meter_event_v3;
CREATE TABLE meter_event (
    meter_id    text COLLATE "C" NOT NULL,
    occurred_at timestamptz NOT NULL,
    event_log   text NOT NULL,                    -- OBIS of the log, e.g. 0.0.99.98.0.255
    code        integer NOT NULL,                 -- the standard event code
    kind        text,                             -- its name where the code is known
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, occurred_at, event_log, code)
) PARTITION BY RANGE (occurred_at);

ALTER TABLE register_read RENAME TO register_read_v3;
CREATE TABLE register_read (
    meter_id    text COLLATE "C" NOT NULL,
    obis        text NOT NULL,
    captured_at timestamptz NOT NULL,
    value       numeric NOT NULL,
    scaler      smallint NOT NULL,
    unit        smallint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, obis, captured_at)
) PARTITION BY RANGE (captured_at);

DO $$
DECLARE month date;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date FROM meter_event_v3 LOOP
        PERFORM mg_ensure_month_partition('meter_event', month);
    END LOOP;
    FOR month IN SELECT DISTINCT date_trunc('month', captured_at AT TIME ZONE 'UTC')::date FROM register_read_v3 LOOP
        PERFORM mg_ensure_month_partition('register_read', month);
    END LOOP;
END
$$;
INSERT INTO meter_event SELECT * FROM meter_event_v3;
INSERT INTO register_read SELECT * FROM register_read_v3;
DROP TABLE meter_event_v3;
DROP TABLE register_read_v3;

-- The meter's local time zone: validation and billing think in its local days (92, 96 or 100 quarter-hours).
-- NULL: the installation's default zone.
ALTER TABLE meter ADD COLUMN time_zone text;

-- Where electricity is delivered. No personal information: a feeder and zone for outage statistics, the nominal
-- service voltage for ANSI C84.1 ranges.
CREATE TABLE service_point (
    service_point_id text PRIMARY KEY,
    feeder           text NOT NULL,
    zone             text NOT NULL,
    nominal_voltage  integer NOT NULL DEFAULT 120 CHECK (nominal_voltage > 0),   -- volts
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Which meter measured which service point, and when: a replaced meter's data stays with the period it served.
CREATE TABLE meter_installation (
    meter_id         text NOT NULL REFERENCES meter (meter_id),
    service_point_id text NOT NULL REFERENCES service_point (service_point_id),
    installed_at     timestamptz NOT NULL,
    removed_at       timestamptz,
    PRIMARY KEY (meter_id, installed_at),
    CHECK (removed_at IS NULL OR removed_at > installed_at)
);
CREATE INDEX meter_installation_point ON meter_installation (service_point_id, installed_at);

-- A customer's account. Personal details are not here: they are sealed in customer_contact.
CREATE TABLE customer_account (
    account_id    text PRIMARY KEY,
    account_class text NOT NULL CHECK (account_class IN ('RESIDENTIAL', 'COMMERCIAL')),
    opened_at     timestamptz NOT NULL DEFAULT now(),
    closed_at     timestamptz
);

-- Who was responsible for a service point when: move-in to move-out. A new occupant sees only data from their
-- move-in on; the previous occupant keeps their own period.
CREATE TABLE occupancy (
    account_id       text NOT NULL REFERENCES customer_account (account_id),
    service_point_id text NOT NULL REFERENCES service_point (service_point_id),
    move_in          timestamptz NOT NULL,
    move_out         timestamptz,
    PRIMARY KEY (service_point_id, move_in),
    CHECK (move_out IS NULL OR move_out > move_in)
);
CREATE INDEX occupancy_account ON occupancy (account_id);

-- Each account's data key, only ever stored wrapped under the key-encryption key. Deleting it makes the account's
-- sealed details unreadable for good (crypto-shredding), even in backups.
CREATE TABLE account_data_key (
    account_id  text PRIMARY KEY REFERENCES customer_account (account_id),
    kek_id      text NOT NULL,
    wrapped_key bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Names, postal addresses and contact details, each sealed (AES-256-GCM) under the account's data key, with the
-- account id and field name as associated data so that a value cannot be moved to another account or field.
CREATE TABLE customer_contact (
    account_id     text PRIMARY KEY REFERENCES customer_account (account_id),
    name           bytea NOT NULL,
    postal_address bytea NOT NULL,
    email          bytea,
    phone          bytea,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
