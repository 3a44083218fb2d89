-- Tells listeners that which meter measured which account, and when, may have changed: the portal keeps each
-- account's metered periods in memory (KeptPeriods) and drops them all on such a notice. Any statement on occupancy or
-- meter_installation, or one that changes a meter's time zone (the periods carry it), notifies channel
-- mg_metered_periods. PostgreSQL delivers a notice when its transaction commits, never if it rolls back, and once
-- however many statements sent it; writers through the services and plain SQL alike pass through these triggers.
CREATE FUNCTION mg_notify_metered_periods() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mg_metered_periods', '');
    RETURN NULL;
END $$;

CREATE TRIGGER occupancy_metered_periods_notice
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON occupancy
    FOR EACH STATEMENT EXECUTE FUNCTION mg_notify_metered_periods();

CREATE TRIGGER meter_installation_metered_periods_notice
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meter_installation
    FOR EACH STATEMENT EXECUTE FUNCTION mg_notify_metered_periods();

CREATE TRIGGER meter_time_zone_metered_periods_notice
    AFTER UPDATE OF time_zone OR DELETE OR TRUNCATE ON meter
    FOR EACH STATEMENT EXECUTE FUNCTION mg_notify_metered_periods();
