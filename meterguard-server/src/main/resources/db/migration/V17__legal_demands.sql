-- Legal demands, complete (extends V15's register, owned now by the legal module): the kind of process, the scope
-- (accounts, categories, usage days), whether an order forbids notifying the customer, the notices given, and the
-- status through a contest. Releases go to the disclosure log with basis LEGAL_DEMAND, to the demand's issuer, who
-- is not a registered third party. No personal data here.

ALTER TABLE legal_demand
    ADD COLUMN kind text NOT NULL DEFAULT 'SUBPOENA'
        CHECK (kind IN ('SUBPOENA', 'COURT_ORDER', 'WARRANT', 'COMMISSION_ORDER', 'EMERGENCY')),
    ADD COLUMN categories text[] NOT NULL DEFAULT ARRAY['INTERVAL_USAGE'],
    ADD COLUMN usage_from date,
    ADD COLUMN usage_through date,
    ADD COLUMN notice_forbidden boolean NOT NULL DEFAULT false;
-- demands registered before: the year of usage before they were received
UPDATE legal_demand SET usage_from = received_on - 365, usage_through = received_on;
ALTER TABLE legal_demand
    ALTER COLUMN kind DROP DEFAULT,
    ALTER COLUMN categories DROP DEFAULT,
    ALTER COLUMN usage_from SET NOT NULL,
    ALTER COLUMN usage_through SET NOT NULL,
    ADD CHECK (usage_through >= usage_from),
    DROP CONSTRAINT legal_demand_status_check,
    ADD CONSTRAINT legal_demand_status_check CHECK (status IN ('OPEN', 'CONTESTED', 'QUASHED', 'CLOSED'));
CREATE INDEX legal_demand_received ON legal_demand (received_on);

-- The accounts a demand names (the rules want customers named with specificity); one or more.
CREATE TABLE legal_demand_account (
    legal_demand_id text NOT NULL REFERENCES legal_demand (legal_demand_id),
    account_id      text NOT NULL REFERENCES customer_account (account_id),
    PRIMARY KEY (legal_demand_id, account_id)
);
INSERT INTO legal_demand_account (legal_demand_id, account_id) SELECT legal_demand_id, account_id FROM legal_demand;
ALTER TABLE legal_demand DROP COLUMN account_id;
CREATE INDEX legal_demand_account_account ON legal_demand_account (account_id);

-- The notice of a demand given to the customer of one account: a subpoena waits for the contest period after it.
CREATE TABLE legal_demand_notice (
    legal_demand_id text NOT NULL,
    account_id      text NOT NULL,
    given_on        date NOT NULL,
    method          text NOT NULL,
    recorded_by     text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (legal_demand_id, account_id),
    FOREIGN KEY (legal_demand_id, account_id) REFERENCES legal_demand_account (legal_demand_id, account_id)
);

-- A release under a legal demand goes to its issuer, not to a registered third party; its ground is recorded
-- (EMERGENCY, NOTICE_FORBIDDEN, ORDER, CONTEST_PERIOD_PASSED).
ALTER TABLE disclosure_log
    ALTER COLUMN third_party_id DROP NOT NULL,
    ADD COLUMN recipient text,
    ADD COLUMN release_ground text,
    ADD CHECK (third_party_id IS NOT NULL OR (basis_kind = 'LEGAL_DEMAND' AND recipient IS NOT NULL));
CREATE INDEX disclosure_log_basis ON disclosure_log (basis_kind, basis_id);
CREATE INDEX disclosure_log_disclosed ON disclosure_log (disclosed_at);
