package org.meterguard.server.readings;

import java.time.LocalDate;
import org.meterguard.core.Channel;

/**
 * Receives one meter's hourly sums for a UTC day as they are read ({@link ReadingStore#readHours}): per hour of the
 * day (index 0 starts at 00:00 UTC), the sum of the filled intervals starting in it, how many were filled and how
 * many of those were estimated. The arrays are reused for the next row: read them, never keep them.
 */
@FunctionalInterface
public interface HourRowHandler {
    void row(Channel channel, LocalDate day, long[] sums, int[] counts, int[] estimated);
}
