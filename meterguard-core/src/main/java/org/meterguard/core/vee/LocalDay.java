package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.TimeRange;

/**
 * One calendar day in a meter's time zone, cut into intervals: the day VEE counts, profiles and totals in. A local
 * day lasts 24 hours except on daylight-saving changes: in America/Los_Angeles 2026-03-08 lasts 23 hours (92
 * quarter-hours, 23 hourly intervals) and 2026-11-01 lasts 25 (100 quarter-hours, 25 hourly intervals).
 *
 * <p>Each interval has a <em>profile slot</em>: the local wall-clock time it starts at, counted in intervals since
 * midnight ({@code minuteOfDay / intervalMinutes}; 0 to 95 for 15 minutes). On the fall-back day both passes of the
 * repeated hour map onto the same profile slots; on the spring-forward day the skipped hour's slots do not occur.
 *
 * @param zone the meter's time zone
 * @param date the local calendar date
 * @param interval the interval length: whole minutes that divide a day, with the day's start and end on that grid
 */
public record LocalDay(ZoneId zone, LocalDate date, Duration interval) {
    public LocalDay {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(date, "date");
        IntervalGrid grid = new IntervalGrid(Objects.requireNonNull(interval, "interval"));
        Instant first = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (!grid.isAligned(first) || !grid.isAligned(end)) {
            throw new IllegalArgumentException("local day " + date + " in " + zone + " runs from " + first + " to "
                    + end + ", which is not on the " + interval + " grid");
        }
    }

    /** The local day of {@code zone} that {@code instant} falls in. */
    public static LocalDay containing(Instant instant, ZoneId zone, Duration interval) {
        return new LocalDay(zone, instant.atZone(zone).toLocalDate(), interval);
    }

    /** The start of the day's first interval (local midnight, or the first local time after it). */
    public Instant first() {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The first instant of the next local day. */
    public Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The instants the day covers. */
    public TimeRange span() {
        return new TimeRange(first(), end());
    }

    /** The number of intervals the day has: 96 for 15 minutes, 92 or 100 on daylight-saving changes. */
    public int size() {
        return (int) (Duration.between(first(), end()).getSeconds() / interval.getSeconds());
    }

    /** The start of interval {@code index} (0 to {@code size() - 1}), in time order. */
    public Instant start(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("interval " + index + " outside 0.." + (size() - 1) + " of " + this);
        }
        return first().plus(interval.multipliedBy(index));
    }

    /** The interval starts of the day, in time order. */
    public List<Instant> starts() {
        List<Instant> starts = new ArrayList<>(size());
        for (Instant start = first(), end = end(); start.isBefore(end); start = start.plus(interval)) {
            starts.add(start);
        }
        return List.copyOf(starts);
    }

    /** The index of the interval starting at {@code start}, if it is one of this day's interval starts. */
    public OptionalInt indexOf(Instant start) {
        if (!span().contains(start) || !new IntervalGrid(interval).isAligned(start)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (Duration.between(first(), start).getSeconds() / interval.getSeconds()));
    }

    /** The profile slot of interval {@code index}: its local wall-clock start in intervals since midnight. */
    public int profileSlot(int index) {
        return profileSlotOf(start(index), zone, interval);
    }

    /** Saturday or Sunday, or a weekday. */
    public DayType dayType() {
        return DayType.of(date);
    }

    /** The following local day. */
    public LocalDay next() {
        return new LocalDay(zone, date.plusDays(1), interval);
    }

    /** The number of profile slots a wall-clock day has for {@code interval}: 96 for 15 minutes. */
    public static int profileSlotsPerDay(Duration interval) {
        return new IntervalGrid(interval).slotsPerDay();
    }

    static int profileSlotOf(Instant start, ZoneId zone, Duration interval) {
        return (int) (start.atZone(zone).toLocalTime().toSecondOfDay() / interval.getSeconds());
    }
}
