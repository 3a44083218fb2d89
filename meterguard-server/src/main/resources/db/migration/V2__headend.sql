-- Head-end: collectors, exactly-once frame records, key rotation, meter events, register reads, alerts.

-- The pole-top devices that relay meters' frames. A collector is identified by its certificate (CN); it is
-- recorded on its first connection and kept up to date as it connects and sends heartbeats.
CREATE TABLE collector (
    collector_id      text PRIMARY KEY,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    last_peer_address text,
    meters_in_range   bigint
);

-- Which collector a meter is normally heard through, and when it was last heard; a meter heard elsewhere or
-- silent past its schedule raises an alert. expected_push_seconds: how often the meter pushes its profile.
ALTER TABLE meter
    ADD COLUMN home_collector        text,
    ADD COLUMN last_collector        text,
    ADD COLUMN last_heard_at         timestamptz,
    ADD COLUMN expected_push_seconds integer NOT NULL DEFAULT 86400;

-- Key rotation: a new key version is PENDING until the meter first uses it, then ACTIVE; the version it
-- replaced becomes RETIRED and is no longer accepted. Each version keeps its own counter high-water mark.
ALTER TABLE meter_key
    ADD COLUMN status       text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED')),
    ADD COLUMN activated_at timestamptz;
CREATE UNIQUE INDEX meter_key_one_active ON meter_key (meter_id) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX meter_key_one_pending ON meter_key (meter_id) WHERE status = 'PENDING';

-- Every frame the head-end stored, by its clear-text identity and GCM tag: a collector's retransmission of a
-- stored frame (same title, key version, counter and tag) is recognised as a duplicate and stored nothing; the
-- same counter with another tag is a replay. Kept for a retention period, after which a re-sent frame is a replay.
CREATE TABLE received_frame (
    system_title       bigint NOT NULL,
    key_version        integer NOT NULL,
    invocation_counter bigint NOT NULL,
    gcm_tag            bytea NOT NULL,
    collector_id       text,
    received_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (system_title, key_version, invocation_counter)
);
CREATE INDEX received_frame_time ON received_frame (received_at);

-- Events a meter pushed from its event logs (standard, power failure): outages, tamper, clock, firmware.
CREATE TABLE meter_event (
    meter_id    text NOT NULL REFERENCES meter (meter_id),
    occurred_at timestamptz NOT NULL,
    event_log   text NOT NULL,                    -- OBIS of the log, e.g. 0.0.99.98.0.255
    code        integer NOT NULL,                 -- the standard event code
    kind        text,                             -- its name where the code is known
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, occurred_at, event_log, code)
);

-- Register reads (e.g. the cumulative import register) with their scaler and unit as the meter sent them.
CREATE TABLE register_read (
    meter_id    text NOT NULL REFERENCES meter (meter_id),
    obis        text NOT NULL,
    captured_at timestamptz NOT NULL,
    value       numeric NOT NULL,
    scaler      smallint NOT NULL,
    unit        smallint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, obis, captured_at)
);

-- Tamper, theft and health alerts for operators: one open alert per kind and subject, counting repeats.
CREATE TABLE alert (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL,
    severity      text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    subject       text NOT NULL,                  -- 'meter:ID' or 'collector:ID'
    detail        text NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    occurrences   bigint NOT NULL DEFAULT 1,
    closed_at     timestamptz,
    closed_by     text
);
CREATE UNIQUE INDEX alert_open_once ON alert (kind, subject) WHERE closed_at IS NULL;
CREATE INDEX alert_recent ON alert (last_seen_at DESC);

-- Refusals are counted, not stored one row per frame: a flood must not become a flood of rows.
ALTER TABLE security_event ADD COLUMN occurrences bigint NOT NULL DEFAULT 1;
