package org.meterguard.server.readings;

import java.time.LocalDate;
import org.meterguard.core.Channel;

/**
 * Receives one meter's hourly sums for a run of whole UTC days as they are read ({@link ReadingStore#readHours}): a
 * day (24 hours) or a month (24 per day of it), starting at 00:00 UTC of {@code day}. Per hour (the first
 * {@code hours} entries of each array), the sum of the filled intervals starting in it, how many were filled and how
 * many of those were estimated. The arrays are reused for the next row: read them, never keep them.
 */
@FunctionalInterface
public interface HourRowHandler {
    void row(Channel channel, LocalDate day, int hours, long[] sums, int[] counts, int[] estimated);
}
