package org.meterguard.server.accounts;

import java.sql.Timestamp;
import java.util.List;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whose data a read concerns: the accounts that occupied a service point while a meter measured it, within a
 * period, and where an account was served. Access control uses it to decide and audit per customer.
 */
@Service
public class Occupants {
    private static final String OPEN = "'9999-12-31 00:00:00+00'";

    private final JdbcClient jdbc;

    Occupants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The accounts whose data {@code meter} measured during {@code period}: each that occupied the service point
     * the meter was installed at, for some instant of the period. Sorted; empty for a meter serving nobody then.
     */
    public List<String> ofMeter(MeterId meter, TimeRange period) {
        return jdbc.sql("SELECT DISTINCT o.account_id FROM meter_installation i"
                        + " JOIN occupancy o ON o.service_point_id = i.service_point_id"
                        + " WHERE i.meter_id = ?"
                        + " AND greatest(i.installed_at, o.move_in, ?) < least(coalesce(i.removed_at, " + OPEN
                        + "), coalesce(o.move_out, " + OPEN + "), ?)"
                        + " ORDER BY o.account_id")
                .params(meter.value(), Timestamp.from(period.from()), Timestamp.from(period.to()))
                .query(String.class)
                .list();
    }

    /** The operating zones of the service points {@code accountId} occupied during {@code period}. */
    public List<String> zonesOf(String accountId, TimeRange period) {
        return jdbc.sql("SELECT DISTINCT p.zone FROM occupancy o"
                        + " JOIN service_point p ON p.service_point_id = o.service_point_id"
                        + " WHERE o.account_id = ? AND greatest(o.move_in, ?) < least(coalesce(o.move_out, " + OPEN
                        + "), ?) ORDER BY p.zone")
                .params(accountId, Timestamp.from(period.from()), Timestamp.from(period.to()))
                .query(String.class)
                .list();
    }

    /** True where the account is on record. */
    public boolean accountExists(String accountId) {
        return jdbc.sql("SELECT count(*) FROM customer_account WHERE account_id = ?")
                        .param(accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
