-- Unusual-activity detection (docs/architecture.md, "detection"): the evidence behind alerts, flagged accounts,
-- and what the detector keeps so that its windows, baselines and report survive a restart.

-- What an alert rests on: audit log entries (leaf index), head-end security events (id), key changes (meter:version).
CREATE TABLE alert_evidence (
    alert_id bigint NOT NULL REFERENCES alert (id),
    source   text NOT NULL CHECK (source IN ('AUDIT_ENTRY', 'SECURITY_EVENT', 'KEY_CHANGE')),
    ref      text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (alert_id, source, ref)
);

-- Accounts (or meters) watched by the privacy officer and the security auditor: employees', VIPs', honeytokens.
CREATE TABLE flagged_subject (
    subject    text PRIMARY KEY CHECK (subject ~ '^(account|meter):[^[:space:]]+$'),
    kind       text NOT NULL CHECK (kind IN ('EMPLOYEE', 'VIP', 'HONEYTOKEN')),
    note       text NOT NULL DEFAULT '',
    flagged_by text NOT NULL,
    flagged_at timestamptz NOT NULL DEFAULT now()
);

-- The first permitted covered read of each customer by each user in each hour: bulk-access windows and baselines.
CREATE TABLE detection_touch (
    actor   text NOT NULL,
    hour    timestamptz NOT NULL,
    subject text NOT NULL,
    role    text NOT NULL,
    seq     bigint NOT NULL,
    PRIMARY KEY (actor, hour, subject)
);
CREATE INDEX detection_touch_hour ON detection_touch (hour);

-- Role changes, disablings and re-enablings of users, which later access is checked against.
CREATE TABLE detection_user_change (
    seq           bigint PRIMARY KEY,
    username      text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('ROLE_CHANGED', 'DISABLED', 'ENABLED')),
    at            timestamptz NOT NULL,
    previous_role text NOT NULL
);

-- Audited events counted per hour for the security report (category: ACCESS, SIGN_IN_FAILED, ROLE_CHANGE, ...).
CREATE TABLE detection_tally (
    hour     timestamptz NOT NULL,
    category text NOT NULL,
    role     text NOT NULL,
    purpose  text NOT NULL,
    decision text NOT NULL,
    n        bigint NOT NULL,
    PRIMARY KEY (hour, category, role, purpose, decision)
);

-- How far the detector has read each source: the audit log (leaf index), security_event (id), key changes (epoch µs).
CREATE TABLE detection_cursor (
    name     text PRIMARY KEY,
    position bigint NOT NULL
);
