package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * How many distinct customers one user read in one hour: the unit of the bulk-access baselines.
 *
 * @param actor the user
 * @param role their role in that hour
 * @param hour the hour's start (UTC)
 * @param customers distinct customers read
 */
public record HourlyCount(String actor, String role, Instant hour, int customers) {
    public HourlyCount {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hour, "hour");
        if (customers < 0) {
            throw new IllegalArgumentException("customers " + customers + " is negative");
        }
    }
}
