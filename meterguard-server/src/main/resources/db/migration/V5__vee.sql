-- Validation findings, per meter, channel and local day (the meter's own day: 92, 96 or 100 quarter-hours). A
-- day validated again replaces its findings.
CREATE TABLE vee_finding (
    id             bigserial PRIMARY KEY,
    meter_id       text COLLATE "C" NOT NULL,
    channel        smallint NOT NULL,
    local_date     date NOT NULL,
    rule           text NOT NULL,
    severity       text NOT NULL CHECK (severity IN ('WARNING', 'ERROR')),
    interval_start timestamptz NOT NULL,
    intervals      integer NOT NULL,
    detail         text NOT NULL,
    found_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vee_finding_day ON vee_finding (meter_id, channel, local_date);
CREATE INDEX vee_finding_time ON vee_finding (interval_start);
CREATE INDEX interval_revision_time ON interval_revision (interval_start);
