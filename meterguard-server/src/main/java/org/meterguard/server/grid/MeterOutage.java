package org.meterguard.server.grid;

import java.time.Instant;
import org.meterguard.core.grid.Outage;

/** One meter's outage, with its duration in seconds (to {@code asOf} while still open). */
public record MeterOutage(String meterId, Instant start, Instant end, long durationSeconds, boolean ongoing) {
    static MeterOutage of(String meterId, Outage outage, Instant asOf) {
        return new MeterOutage(
                meterId,
                outage.start(),
                outage.end().orElse(null),
                outage.duration(asOf).getSeconds(),
                outage.ongoing());
    }
}
