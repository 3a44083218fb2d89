package org.meterguard.server.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A span during which a meter measured a service point occupied by an account: whose usage the meter's data is,
 * where (feeder, zone) and of which class. For fleet-wide work such as aggregates; carries no personal data.
 *
 * @param meterId the meter
 * @param accountId the occupying account
 * @param feeder the service point's feeder
 * @param zone the service point's zone
 * @param accountClass the account's class
 * @param from the first instant of the span
 * @param to the end of the span ({@link Occupancy#OPEN_END} while open)
 */
public record Placement(
        String meterId,
        String accountId,
        String feeder,
        String zone,
        AccountClass accountClass,
        Instant from,
        Instant to) {
    public Placement {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountClass, "accountClass");
    }
}
