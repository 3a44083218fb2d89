package org.meterguard.core.grid;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A loss of supply at one meter, from its power-down event to its power-up event; {@code end} is absent while
 * supply has not been reported restored.
 */
public record Outage(Instant start, Optional<Instant> end) {
    public Outage {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("outage ends at " + end.get() + ", before its start " + start);
        }
    }

    /** The outage's length; for one still open, up to {@code asOf}. */
    public Duration duration(Instant asOf) {
        Instant until = end.orElse(asOf);
        return until.isAfter(start) ? Duration.between(start, until) : Duration.ZERO;
    }

    /** True while supply has not been reported restored. */
    public boolean ongoing() {
        return end.isEmpty();
    }
}
