package org.meterguard.server.readings;

import org.meterguard.core.Channel;

/**
 * Receives a rolled-up month's sums per local day ({@link ReadingStore#readHours(org.meterguard.core.MeterId,
 * java.util.List, java.time.LocalDate, java.time.LocalDate, java.time.ZoneId, HourRowHandler, LocalDayHandler)}):
 * for each of the {@code days} local days the month's hours start in, in order, the second its first hour in the
 * month starts ({@code starts}), the sum of its filled intervals in the month, how many were filled and how many of
 * those were estimated. The first and last day are usually partial: add each into its local day. The arrays are
 * reused for the next row: read them, never keep them.
 */
@FunctionalInterface
public interface LocalDayHandler {
    void days(Channel channel, int days, long[] starts, long[] sums, int[] counts, int[] estimated);
}
