package org.meterguard.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One interval value of one channel: what was measured over {@code [start, start + interval length)}.
 *
 * @param start the interval's start, the instant Green Button and third parties select by
 * @param value the amount in the channel's unit and multiplier
 * @param quality how far the value can be trusted
 */
public record IntervalReading(Instant start, long value, ReadingQuality quality) {
    public IntervalReading {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(quality, "quality");
    }
}
