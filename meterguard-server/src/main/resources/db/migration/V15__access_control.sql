-- Access control: privacy training, representatives' territories and queues (ACLs on accounts), and the registers
-- that a declared basis is checked against (work orders, service requests, legal demands). No personal data here.

-- A member of staff's privacy training: covered information is read only while it is current.
CREATE TABLE privacy_training (
    username     text PRIMARY KEY REFERENCES staff_user (username),
    completed_on date NOT NULL,
    valid_until  date NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until >= completed_on)
);

-- A representative's territory: the operating zones (service_point.zone) whose accounts they serve.
CREATE TABLE staff_territory (
    username text NOT NULL REFERENCES staff_user (username),
    zone     text NOT NULL,
    PRIMARY KEY (username, zone)
);

-- A representative's queue: accounts assigned to them by name.
CREATE TABLE staff_queue (
    username   text NOT NULL REFERENCES staff_user (username),
    account_id text NOT NULL REFERENCES customer_account (account_id),
    PRIMARY KEY (username, account_id)
);
CREATE INDEX staff_queue_account ON staff_queue (account_id);

-- Work on a meter, opened by a grid operator and assigned to a field technician: the technician's basis to read it.
CREATE TABLE work_order (
    work_order_id text PRIMARY KEY,
    meter_id      text NOT NULL REFERENCES meter (meter_id),
    assigned_to   text NOT NULL REFERENCES staff_user (username),
    reason        text NOT NULL,
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by     text NOT NULL,
    opened_at     timestamptz NOT NULL DEFAULT now(),
    closed_at     timestamptz
);
CREATE INDEX work_order_meter ON work_order (meter_id) WHERE status = 'OPEN';

-- A customer's own request to customer service: a representative's basis to read that account.
CREATE TABLE service_request (
    service_request_id text PRIMARY KEY,
    account_id         text NOT NULL REFERENCES customer_account (account_id),
    status             text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by          text NOT NULL,
    opened_at          timestamptz NOT NULL DEFAULT now(),
    closed_at          timestamptz
);

-- A subpoena, court order or other legal demand (a minimal register; third-party work extends it): the basis of a
-- read for a legal requirement, for the account it names.
CREATE TABLE legal_demand (
    legal_demand_id text PRIMARY KEY,
    issuer          text NOT NULL,
    received_on     date NOT NULL,
    account_id      text NOT NULL REFERENCES customer_account (account_id),
    status          text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    recorded_by     text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz
);
