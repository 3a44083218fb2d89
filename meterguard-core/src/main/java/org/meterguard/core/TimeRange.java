package org.meterguard.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time {@code [from, to)}.
 *
 * @param from the first instant included
 * @param to the first instant excluded; after {@code from}
 */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty time range: 'to' " + to + " is not after 'from' " + from);
        }
    }

    /** True where {@code instant} lies within this range. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The span both ranges cover, if any. */
    public java.util.Optional<TimeRange> intersection(TimeRange other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return end.isAfter(start) ? java.util.Optional.of(new TimeRange(start, end)) : java.util.Optional.empty();
    }

    /** The length of this range. */
    public Duration length() {
        return Duration.between(from, to);
    }
}
