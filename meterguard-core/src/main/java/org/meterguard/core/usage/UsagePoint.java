package org.meterguard.core.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of usage.
 *
 * @param start the bucket's first instant
 * @param value the sum of the intervals measured in it, in the channel's unit
 * @param intervals how many intervals were measured in it
 * @param estimated how many of those were estimated rather than measured
 */
public record UsagePoint(Instant start, long value, int intervals, int estimated) {
    public UsagePoint {
        Objects.requireNonNull(start, "start");
    }
}
