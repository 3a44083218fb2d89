package org.meterguard.server.accounts;

import java.time.ZoneId;
import java.util.Objects;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;

/**
 * A span during which an account occupied a service point and a meter measured it: the data the account may see.
 * An open-ended period ends at {@link Occupancy#OPEN_END}.
 *
 * @param meterZone the meter's local time zone, null when none is set for it (the deployment's default applies)
 */
public record MeteredPeriod(
        String accountId, String servicePointId, MeterId meterId, TimeRange period, ZoneId meterZone) {
    public MeteredPeriod {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(period, "period");
    }

    /** The meter's local time zone, or {@code defaultZone} where none is set for it. */
    public ZoneId zoneOr(ZoneId defaultZone) {
        return meterZone == null ? defaultZone : meterZone;
    }
}
