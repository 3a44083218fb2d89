package org.meterguard.server.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.TimeRange;

/** An account's responsibility for a service point, from move-in to move-out (absent while it lasts). */
public record Occupancy(String accountId, String servicePointId, Instant moveIn, Optional<Instant> moveOut) {
    /** The end used for periods still open. */
    public static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

    public Occupancy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(moveIn, "moveIn");
        Objects.requireNonNull(moveOut, "moveOut");
    }

    /** The occupied span. */
    public TimeRange period() {
        return new TimeRange(moveIn, moveOut.orElse(OPEN_END));
    }
}
