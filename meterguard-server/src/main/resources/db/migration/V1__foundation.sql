-- Meterguard foundation schema. PostgreSQL only; Flyway owns it.

-- Meters carry no personal information: only the device, its model and its DLMS system title.
CREATE TABLE meter (
    meter_id      text PRIMARY KEY,
    system_title  bigint NOT NULL UNIQUE,          -- the 8-byte DLMS system title, big-endian
    model         text NOT NULL,                   -- selects the capture-object layout of its pushes
    registered_at timestamptz NOT NULL DEFAULT now()
);

-- Each meter's ciphering keys (EK ‖ AK), only ever stored wrapped under the key-encryption key, with the
-- invocation-counter high-water mark of that key version: a frame whose counter does not rise is a replay.
CREATE TABLE meter_key (
    meter_id           text NOT NULL REFERENCES meter (meter_id),
    key_version        integer NOT NULL,
    kek_id             text NOT NULL,
    wrapped_keys       bytea NOT NULL,
    invocation_counter bigint NOT NULL DEFAULT -1, -- highest accepted; -1 before the first frame
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, key_version)
);

-- Interval data: one row per meter, channel and UTC day, one array slot per interval (NULL = missing).
-- Values are integers in the channel's unit and power-of-ten multiplier; quality holds ESPI codes.
CREATE TABLE interval_day (
    meter_id         text NOT NULL REFERENCES meter (meter_id),
    channel          smallint NOT NULL,
    day              date NOT NULL,
    interval_seconds integer NOT NULL,
    vals             bigint[] NOT NULL,
    quality          smallint[] NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meter_id, channel, day)
);

-- Fills the empty slots of a stored day from a newly received one, slot by slot. A slot that already holds a
-- value keeps it: a re-sent interval never duplicates, and never silently overwrites what is stored.
CREATE FUNCTION mg_fill_slots(stored anyarray, received anyarray) RETURNS anyarray
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(COALESCE(s, r) ORDER BY i)
      FROM unnest(stored, received) WITH ORDINALITY AS slot(s, r, i)
$$;

-- What the head-end refused, and why: the firewall's record, read by security staff.
CREATE TABLE security_event (
    id           bigserial PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    kind         text NOT NULL,
    system_title bigint,
    meter_id     text,
    peer_address text,
    detail       text NOT NULL
);
CREATE INDEX security_event_time ON security_event (occurred_at);

-- Staff accounts. Passwords only as Argon2id hashes.
CREATE TABLE staff_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    role          text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The audit log: an append-only sequence of entries whose leaf hashes (RFC 9162) form a Merkle tree.
-- seq is the leaf index, gapless from 0. Nobody may change or remove an entry, not even the application.
CREATE TABLE audit_entry (
    seq            bigint PRIMARY KEY,
    recorded_at    timestamptz NOT NULL,
    actor          text NOT NULL,
    role           text NOT NULL,
    action         text NOT NULL,
    resource       text NOT NULL,
    subject        text NOT NULL,
    purpose        text NOT NULL,
    basis          text NOT NULL,
    decision       text NOT NULL,
    client_address text NOT NULL,
    detail         text NOT NULL,
    entry          bytea NOT NULL,                 -- the canonical bytes that were hashed
    leaf_hash      bytea NOT NULL
);

CREATE FUNCTION mg_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION mg_audit_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION mg_audit_is_append_only();

-- What first start created, so that a second start reuses it.
CREATE TABLE installation (
    name       text PRIMARY KEY,
    value      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
