-- Third parties that receive covered information, their contracts and breaches; customers' authorizations for
-- secondary purposes; the disclosure log (every release: what, to whom, when, on which basis); aggregate releases.

CREATE TABLE third_party (
    third_party_id  text PRIMARY KEY,
    organization    text NOT NULL,
    contact         text NOT NULL,                 -- the organization's privacy contact, not a customer's data
    registered_at   timestamptz NOT NULL,
    registered_by   text NOT NULL,
    cut_off_at      timestamptz,                   -- once set, nothing more is disclosed to the party, ever
    cut_off_reason  text CHECK (cut_off_reason IN ('PATTERN_OF_BREACH', 'PRIVACY_OFFICER_DECISION')),
    cut_off_by      text,
    cut_off_note    text,
    CHECK ((cut_off_at IS NULL) = (cut_off_reason IS NULL))
);

CREATE TABLE third_party_contract (
    contract_id                text PRIMARY KEY,
    third_party_id             text NOT NULL REFERENCES third_party (third_party_id),
    terms                      text NOT NULL,
    protective_terms_confirmed boolean NOT NULL,
    effective_on               date NOT NULL,
    expires_on                 date,              -- first day no longer in force
    status                     text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    allowed_purposes           text[] NOT NULL,
    primary_purpose_contractor boolean NOT NULL,
    recorded_at                timestamptz NOT NULL,
    recorded_by                text NOT NULL,
    CHECK (expires_on IS NULL OR expires_on > effective_on)
);
CREATE INDEX third_party_contract_party ON third_party_contract (third_party_id);

CREATE TABLE third_party_breach (
    breach_id            text PRIMARY KEY,
    third_party_id       text NOT NULL REFERENCES third_party (third_party_id),
    detected_on          date NOT NULL,
    reported_on          date,                    -- when the party reported it; expected within a week
    customers_affected   integer NOT NULL CHECK (customers_affected >= 0),
    cumulative_customers bigint NOT NULL,         -- with the breaches detected within the year before
    regulator_notice_due date,                    -- set when 1,000 or more customers are touched
    pattern_of_breach    boolean NOT NULL,
    recorded_at          timestamptz NOT NULL,
    recorded_by          text NOT NULL
);
CREATE INDEX third_party_breach_detected ON third_party_breach (detected_on);

-- One authorization per customer, third party and purpose at a time (checked under a lock on the account row
-- when granted). Revocation is by the granting mechanism only; the row is kept for the disclosure history.
CREATE TABLE customer_authorization (
    authorization_id text PRIMARY KEY,
    account_id       text NOT NULL REFERENCES customer_account (account_id),
    third_party_id   text NOT NULL REFERENCES third_party (third_party_id),
    purpose          text NOT NULL,
    categories       text[] NOT NULL,
    usage_from       timestamptz NOT NULL,
    usage_to         timestamptz NOT NULL,
    finest           text NOT NULL CHECK (finest IN ('QUARTER_HOURLY', 'HOURLY', 'DAILY', 'MONTHLY')),
    starts_at        timestamptz NOT NULL,
    expires_at       timestamptz,                 -- NULL: open-ended (residential only), reminded yearly
    mechanism        text NOT NULL CHECK (mechanism IN ('ONLINE', 'SIGNED_FORM')),
    residential      boolean NOT NULL,
    granted_at       timestamptz NOT NULL,
    granted_by       text NOT NULL,
    revoked_at       timestamptz,
    revoked_by       text,
    last_reminded_at timestamptz,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CHECK (expires_at IS NULL OR expires_at > starts_at),
    CHECK (expires_at IS NOT NULL OR residential)
);
CREATE INDEX customer_authorization_account ON customer_authorization (account_id, third_party_id, purpose);
CREATE INDEX customer_authorization_open ON customer_authorization (starts_at)
    WHERE expires_at IS NULL AND revoked_at IS NULL;

-- Every release of covered information to a third party: what, to whom, when, on which basis.
CREATE TABLE disclosure_log (
    disclosure_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    disclosed_at   timestamptz NOT NULL,
    third_party_id text NOT NULL REFERENCES third_party (third_party_id),
    account_id     text NOT NULL,
    purpose        text NOT NULL,
    category       text NOT NULL,
    usage_from     timestamptz NOT NULL,
    usage_to       timestamptz NOT NULL,
    granularity    text NOT NULL,
    basis_kind     text NOT NULL CHECK (basis_kind IN ('CUSTOMER_AUTHORIZATION', 'CONTRACT', 'LEGAL_DEMAND')),
    basis_id       text NOT NULL,
    items          bigint NOT NULL,               -- readings (or records) released
    audit_seq      bigint NOT NULL                -- the audit entry of the permitting decision
);
CREATE INDEX disclosure_log_party ON disclosure_log (third_party_id, disclosed_at);
CREATE INDEX disclosure_log_account ON disclosure_log (account_id, disclosed_at);

-- Aggregate releases, each reproducible: the request, the policy, and a digest of the released text.
CREATE TABLE aggregate_release (
    release_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    released_at     timestamptz NOT NULL,
    released_by     text NOT NULL,
    request         text NOT NULL,                -- channel, days, area kind, period, totals: the inputs
    policy          text NOT NULL,
    cells_released  integer NOT NULL,
    cells_suppressed integer NOT NULL,
    result          text NOT NULL,                -- the canonical text of the release
    result_sha256   text NOT NULL
);
