package org.meterguard.core.rates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.meterguard.core.IntervalGrid;

/**
 * A {@link TouSchedule} laid over real instants: the schedule's wall-clock times read in {@code zone}, for interval
 * data on {@code grid}. An interval belongs to the season-period of the local time of its start; on a
 * daylight-saving day that makes the repeated hour's intervals count once each, as the real intervals they are,
 * and the skipped hour's intervals simply not exist.
 *
 * <p>The season-period of each slot of a UTC day is worked out once and cached, so every meter billed on this
 * calendar shares it: keep one calendar per schedule, zone and grid for a billing run. Thread-safe. The cache
 * holds about 150 bytes per UTC day asked for.
 *
 * <p>Period boundaries must fall between intervals: an interval that starts in one season-period and ends in
 * another cannot be split, so asking for its day fails with an error naming it.
 */
public final class TouCalendar {
    private static final long SECONDS_PER_DAY = 86_400;

    private final TouSchedule schedule;
    private final ZoneId zone;
    private final IntervalGrid grid;
    private final ZoneRules rules;
    private final ConcurrentHashMap<Long, SlotPeriods> days = new ConcurrentHashMap<>();

    public TouCalendar(TouSchedule schedule, ZoneId zone, IntervalGrid grid) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.rules = zone.getRules();
    }

    /** The schedule. */
    public TouSchedule schedule() {
        return schedule;
    }

    /** The zone whose wall clock the schedule's times are read on. */
    public ZoneId zone() {
        return zone;
    }

    /** The interval grid of the data. */
    public IntervalGrid grid() {
        return grid;
    }

    /** The season-period of the interval starting at {@code intervalStart}, which lies on the grid. */
    public SeasonPeriod seasonPeriodOf(Instant intervalStart) {
        SlotPeriods day = day(grid.dayOf(intervalStart));
        return schedule.seasonPeriods().get(day.at(grid.slotOf(intervalStart)));
    }

    /** The instant billing starts on local date {@code date}: its first moment in the zone. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /**
     * An accumulator of the determinants of {@code period}, to be reused meter after meter by one thread. Works
     * out the slot runs of the period's UTC days now, so meters pay only for their own values.
     */
    public DeterminantsAccumulator accumulator(BillingPeriod period) {
        return new DeterminantsAccumulator(this, period);
    }

    /** The season-periods of the slots of UTC day {@code utcDay}, from the cache. */
    SlotPeriods day(LocalDate utcDay) {
        return days.computeIfAbsent(utcDay.toEpochDay(), this::compute);
    }

    private SlotPeriods compute(long epochDay) {
        int slots = grid.slotsPerDay();
        long intervalSeconds = grid.interval().getSeconds();
        byte[] bySlot = new byte[slots];
        for (int slot = 0; slot < slots; slot++) {
            long start = epochDay * SECONDS_PER_DAY + slot * intervalSeconds;
            int index = seasonPeriodAt(start);
            for (long minute = start + 60; minute < start + intervalSeconds; minute += 60) {
                if (seasonPeriodAt(minute) != index) {
                    throw straddles(start, minute);
                }
            }
            bySlot[slot] = (byte) index;
        }
        return new SlotPeriods(bySlot);
    }

    private int seasonPeriodAt(long epochSecond) {
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
        long local = epochSecond + offset.getTotalSeconds();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
        return schedule.seasonPeriodIndex(date, (int) (Math.floorMod(local, SECONDS_PER_DAY) / 60));
    }

    private IllegalArgumentException straddles(long start, long boundary) {
        Instant at = Instant.ofEpochSecond(start);
        Instant crossing = Instant.ofEpochSecond(boundary);
        return new IllegalArgumentException("the " + grid.interval() + " interval starting " + at + " ("
                + LocalDateTime.ofInstant(at, zone) + " in " + zone + ") starts in "
                + schedule.seasonPeriods().get(seasonPeriodAt(start)) + " but is in "
                + schedule.seasonPeriods().get(seasonPeriodAt(boundary)) + " from "
                + LocalDateTime.ofInstant(crossing, zone).toLocalTime()
                + "; a period boundary must not fall inside an interval");
    }
}
