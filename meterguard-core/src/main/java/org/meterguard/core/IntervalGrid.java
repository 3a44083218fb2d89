package org.meterguard.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Maps interval start instants onto storage slots: one row per meter, channel and UTC day, one slot per interval.
 * UTC days all have the same number of slots, so daylight-saving days need no special row shape; local-time
 * views are computed when reading.
 *
 * @param interval the interval length; divides a day evenly (e.g. 15 minutes gives 96 slots)
 */
public record IntervalGrid(Duration interval) {
    private static final long SECONDS_PER_DAY = 86_400;

    /** The 15-minute grid, the fleet's default. */
    public static final IntervalGrid QUARTER_HOURLY = new IntervalGrid(Duration.ofMinutes(15));

    public IntervalGrid {
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || seconds < 60 || SECONDS_PER_DAY % seconds != 0) {
            throw new IllegalArgumentException(
                    "invalid interval length " + interval + "; it must be whole minutes that divide a day evenly");
        }
    }

    /** Slots in one UTC day. */
    public int slotsPerDay() {
        return (int) (SECONDS_PER_DAY / interval.getSeconds());
    }

    /** True where {@code start} lies on an interval boundary of this grid. */
    public boolean isAligned(Instant start) {
        return start.getNano() == 0 && Math.floorMod(start.getEpochSecond(), interval.getSeconds()) == 0;
    }

    /** The UTC day an interval starting at {@code start} is stored under. */
    public LocalDate dayOf(Instant start) {
        return LocalDate.ofEpochDay(Math.floorDiv(start.getEpochSecond(), SECONDS_PER_DAY));
    }

    /** The slot within its day of the interval starting at {@code start}, which must be aligned. */
    public int slotOf(Instant start) {
        if (!isAligned(start)) {
            throw new IllegalArgumentException("interval start " + start + " is not on the " + interval + " grid");
        }
        return (int) (Math.floorMod(start.getEpochSecond(), SECONDS_PER_DAY) / interval.getSeconds());
    }

    /** The start of slot {@code slot} of {@code day}. */
    public Instant startOf(LocalDate day, int slot) {
        if (slot < 0 || slot >= slotsPerDay()) {
            throw new IllegalArgumentException("slot " + slot + " outside 0.." + (slotsPerDay() - 1));
        }
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(interval.multipliedBy(slot));
    }
}
