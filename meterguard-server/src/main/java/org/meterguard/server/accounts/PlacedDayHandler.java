package org.meterguard.server.accounts;

import java.time.LocalDate;
import org.meterguard.server.readings.DayRowHandler;

/**
 * Receives a channel's stored day rows with the placement that holds each day's start (UTC), one at a time, as
 * {@link Placements#streamPlacedDays} streams them. {@code values} holds one slot per interval,
 * {@link DayRowHandler#MISSING} where a slot has no value; it is reused for the next row, so read it, never keep it.
 */
@FunctionalInterface
public interface PlacedDayHandler {
    /**
     * One day row.
     *
     * @param accountId the account whose usage the row is; null where no occupied service point held the meter at
     *     the day's start (then {@code area} and {@code accountClass} are null too)
     * @param area the service point's feeder or zone, as asked for
     * @param accountClass the account's class
     * @param day the UTC day
     * @param values the day's slots
     */
    void row(String accountId, String area, AccountClass accountClass, LocalDate day, long[] values);
}
