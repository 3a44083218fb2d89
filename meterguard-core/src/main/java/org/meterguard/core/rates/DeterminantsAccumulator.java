package org.meterguard.core.rates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;

/**
 * Computes {@link Determinants} of one meter at a time over one billing period, fed the store's day rows one by one
 * as a database cursor returns them, in any order: for each UTC day and energy channel, one value per slot of the
 * grid. Slots before or after the billing period are skipped; slots without a value, and whole days never fed,
 * are counted as missing, never silently left out.
 *
 * <p>A row comes either as values with {@link #MISSING} in the empty slots (the fast form, which a reader decoding
 * the store's arrays fills as it meets each NULL) or as values and presence flags. Values are delta energies in Wh
 * from 0 to 2^40 - 1; anything else (a negative value that validation should have caught, or one no meter could
 * measure) is refused, naming its interval, rather than billed or allowed to overflow. Energies are exact.
 *
 * <p>Made by {@link TouCalendar#accumulator}, which works out the period's slot runs once; after that a meter costs
 * one pass over its values and no allocation until {@link #finish()} builds the result. Reuse it meter after meter:
 * {@link #start}, {@code addDay} for each row, {@link #finish}. Not thread-safe: one per thread.
 */
public final class DeterminantsAccumulator {
    /** The value of an empty slot in the fast form of a row. */
    public static final long MISSING = Long.MIN_VALUE;

    /**
     * Bits no value may have: the sign and 2^40 and above, which keeps a day's sum (at most 1,440 slots) far from
     * overflow. {@link #MISSING} has the sign bit, so one test per run finds empty slots and bad values alike.
     */
    private static final long OUT_OF_RANGE = ~((1L << 40) - 1);

    private static final long SECONDS_PER_DAY = 86_400;
    /** Below every valid value, so the first value present in a period is its peak. */
    private static final long NO_PEAK = -1;

    private final TouCalendar calendar;
    private final BillingPeriod period;
    private final BillingSlots slots;
    private final int slotsPerDay;
    private final long intervalSeconds;
    private final List<SeasonPeriod> seasonPeriods;
    private final long[] importWh;
    private final long[] exportWh;
    private final int[] missingImport;
    private final int[] missingExport;
    private final long[] peakWh;
    private final long[] peakSecond;
    private final boolean[] importFed;
    private final boolean[] exportFed;
    private final long[] scratch;
    private MeterId meter;
    private boolean exportMetered;

    DeterminantsAccumulator(TouCalendar calendar, BillingPeriod period) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.period = Objects.requireNonNull(period, "period");
        this.slots = new BillingSlots(calendar, period);
        this.slotsPerDay = calendar.grid().slotsPerDay();
        this.intervalSeconds = calendar.grid().interval().getSeconds();
        this.seasonPeriods = calendar.schedule().seasonPeriods();
        int n = seasonPeriods.size();
        importWh = new long[n];
        exportWh = new long[n];
        missingImport = new int[n];
        missingExport = new int[n];
        peakWh = new long[n];
        peakSecond = new long[n];
        importFed = new boolean[slots.days()];
        exportFed = new boolean[slots.days()];
        scratch = new long[slotsPerDay];
    }

    /** The billing period. */
    public BillingPeriod billingPeriod() {
        return period;
    }

    /** The UTC days whose rows hold slots of the billing period, in order; the rows to feed. */
    public List<LocalDate> utcDays() {
        List<LocalDate> days = new ArrayList<>(slots.days());
        for (int d = 0; d < slots.days(); d++) {
            days.add(LocalDate.ofEpochDay(slots.firstEpochDay + d));
        }
        return days;
    }

    /**
     * Begins the determinants of {@code meter}, discarding any unfinished one. Where {@code exportMetered}, export
     * rows are expected and export slots without a value are counted as missing; otherwise export rows are refused.
     */
    public void start(MeterId meter, boolean exportMetered) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.exportMetered = exportMetered;
        Arrays.fill(importWh, 0);
        Arrays.fill(exportWh, 0);
        Arrays.fill(missingImport, 0);
        Arrays.fill(missingExport, 0);
        Arrays.fill(peakWh, NO_PEAK);
        Arrays.fill(peakSecond, Long.MAX_VALUE);
        Arrays.fill(importFed, false);
        Arrays.fill(exportFed, false);
    }

    /**
     * Adds one stored row of the current meter in the fast form: {@code channel} on UTC day {@code utcDay}, slot
     * {@code s} holding {@code values[s]}, or {@link #MISSING} where it has no value. Each channel and day is fed
     * at most once; the array is read, never kept.
     *
     * @throws IllegalArgumentException naming the day or channel, for a day outside {@link #utcDays()}, a day fed
     *     twice, an array not one slot per interval of the grid, a channel other than energy import or export (or
     *     export where not metered), or a value out of range (which also voids the meter: start it again)
     */
    public void addDay(Channel channel, LocalDate utcDay, long[] values) {
        if (meter == null) {
            throw new IllegalStateException("start a meter before adding its days");
        }
        int d = dayIndex(utcDay);
        if (values.length != slotsPerDay) {
            throw new IllegalArgumentException("row " + channel + " " + utcDay + " has " + values.length
                    + " values; the grid has " + slotsPerDay + " slots");
        }
        if (channel == Channel.ACTIVE_ENERGY_IMPORT) {
            markFed(importFed, d, channel, utcDay);
            addImport(d, values);
        } else if (channel == Channel.ACTIVE_ENERGY_EXPORT && exportMetered) {
            markFed(exportFed, d, channel, utcDay);
            addExport(d, values);
        } else {
            throw new IllegalArgumentException("channel " + channel + " is not a metered energy channel of " + meter
                    + "; determinants take ACTIVE_ENERGY_IMPORT" + (exportMetered ? " and ACTIVE_ENERGY_EXPORT" : ""));
        }
    }

    /**
     * Adds one stored row given as values and presence flags, as {@code IntervalDay} holds it: slot {@code s} has
     * {@code values[s]} where {@code present[s]}, and no value otherwise, whatever {@code values[s]} holds. Costs a
     * copy more than the fast form; otherwise as {@link #addDay(Channel, LocalDate, long[])}.
     */
    public void addDay(Channel channel, LocalDate utcDay, long[] values, boolean[] present) {
        if (meter == null) {
            throw new IllegalStateException("start a meter before adding its days");
        }
        if (values.length != slotsPerDay || present.length != slotsPerDay) {
            throw new IllegalArgumentException("row " + channel + " " + utcDay + " has " + values.length
                    + " values and " + present.length + " presence flags; the grid has " + slotsPerDay + " slots");
        }
        boolean sentinel = false;
        for (int s = 0; s < slotsPerDay; s++) {
            long value = values[s];
            scratch[s] = present[s] ? value : MISSING;
            sentinel |= present[s] & value == MISSING;
        }
        if (sentinel) {
            for (int s = 0; s < slotsPerDay; s++) {
                if (present[s] && values[s] == MISSING) {
                    throw refused(channel, utcDay, s);
                }
            }
        }
        addDay(channel, utcDay, scratch);
    }

    /** The determinants of the current meter; days never fed count as missing. Then start the next meter. */
    public Determinants finish() {
        if (meter == null) {
            throw new IllegalStateException("no meter started");
        }
        for (int d = 0; d < slots.days(); d++) {
            for (int r = slots.dayRun[d]; r < slots.dayRun[d + 1]; r++) {
                int length = slots.runTo[r] - slots.runFrom[r];
                missingImport[slots.runPeriod[r]] += importFed[d] ? 0 : length;
                missingExport[slots.runPeriod[r]] += exportFed[d] || !exportMetered ? 0 : length;
            }
        }
        List<PeriodDeterminants> byPeriod = new ArrayList<>();
        for (int p = 0; p < slots.intervals.length; p++) {
            if (slots.intervals[p] > 0) {
                byPeriod.add(new PeriodDeterminants(
                        seasonPeriods.get(p),
                        slots.intervals[p],
                        importWh[p],
                        exportWh[p],
                        missingImport[p],
                        missingExport[p],
                        peak(p)));
            }
        }
        Determinants result = new Determinants(meter, period, exportMetered, byPeriod);
        meter = null;
        return result;
    }

    private Optional<Demand> peak(int p) {
        if (peakWh[p] == NO_PEAK) {
            return Optional.empty();
        }
        return Optional.of(Demand.of(Instant.ofEpochSecond(peakSecond[p]), peakWh[p], intervalSeconds));
    }

    /**
     * The hot loop, per run of one season-period: per slot a load, the sum, an OR of the values and a compare with
     * the period's peak that is almost never true once a few days are in; no branch on presence, no allocation. An
     * empty slot or a bad value sets the sign or a high bit of the OR, and only then is the run gone over again
     * slot by slot.
     */
    private void addImport(int d, long[] values) {
        long daySecond = (slots.firstEpochDay + d) * SECONDS_PER_DAY;
        for (int r = slots.dayRun[d]; r < slots.dayRun[d + 1]; r++) {
            int from = slots.runFrom[r];
            int to = slots.runTo[r];
            int p = slots.runPeriod[r];
            long peak = peakWh[p];
            int peakSlot = -1;
            long sum = 0;
            long bits = 0;
            for (int s = from; s < to; s++) {
                long value = values[s];
                sum += value;
                bits |= value;
                if (value > peak) {
                    peak = value;
                    peakSlot = s;
                }
            }
            if ((bits & OUT_OF_RANGE) != 0) {
                addImportWithGaps(d, r, values);
            } else {
                importWh[p] = Math.addExact(importWh[p], sum);
                recordPeak(p, peak, peakSlot, daySecond, from, to, values);
            }
        }
    }

    private void addImportWithGaps(int d, int r, long[] values) {
        int from = slots.runFrom[r];
        int to = slots.runTo[r];
        int p = slots.runPeriod[r];
        long peak = peakWh[p];
        int peakSlot = -1;
        long sum = 0;
        int missing = 0;
        for (int s = from; s < to; s++) {
            long value = checked(values, s, Channel.ACTIVE_ENERGY_IMPORT, d);
            if (value == MISSING) {
                missing++;
                continue;
            }
            sum += value;
            if (value > peak) {
                peak = value;
                peakSlot = s;
            }
        }
        importWh[p] = Math.addExact(importWh[p], sum);
        missingImport[p] += missing;
        recordPeak(p, peak, peakSlot, (slots.firstEpochDay + d) * SECONDS_PER_DAY, from, to, values);
    }

    /**
     * Takes a run's highest value as the period's peak where it is higher; otherwise, for a run of a day fed out of
     * order that precedes the peak so far, an equal value in it is the earlier interval, and its instant is taken.
     */
    private void recordPeak(int p, long peak, int peakSlot, long daySecond, int from, int to, long[] values) {
        if (peakSlot >= 0) {
            peakWh[p] = peak;
            peakSecond[p] = daySecond + peakSlot * intervalSeconds;
            return;
        }
        if (daySecond + from * intervalSeconds < peakSecond[p]) {
            for (int s = from; s < to; s++) {
                if (values[s] == peakWh[p]) {
                    peakSecond[p] = daySecond + s * intervalSeconds;
                    return;
                }
            }
        }
    }

    private void addExport(int d, long[] values) {
        for (int r = slots.dayRun[d]; r < slots.dayRun[d + 1]; r++) {
            int from = slots.runFrom[r];
            int to = slots.runTo[r];
            long sum = 0;
            long bits = 0;
            for (int s = from; s < to; s++) {
                long value = values[s];
                if (value < 0) {
                    bits = MISSING; // an empty slot or a bad value: leave it to the loop below
                    break;
                }
                sum += value;
                bits |= value;
            }
            int missing = 0;
            if ((bits & OUT_OF_RANGE) != 0) {
                sum = 0;
                for (int s = from; s < to; s++) {
                    long value = checked(values, s, Channel.ACTIVE_ENERGY_EXPORT, d);
                    missing += value == MISSING ? 1 : 0;
                    sum += value == MISSING ? 0 : value;
                }
            }
            exportWh[slots.runPeriod[r]] = Math.addExact(exportWh[slots.runPeriod[r]], sum);
            missingExport[slots.runPeriod[r]] += missing;
        }
    }

    /** The value of slot {@code s}: {@link #MISSING} or one in range; otherwise the meter is void and this throws. */
    private long checked(long[] values, int s, Channel channel, int d) {
        long value = values[s];
        if (value == MISSING || (value & OUT_OF_RANGE) == 0) {
            return value;
        }
        throw refused(channel, LocalDate.ofEpochDay(slots.firstEpochDay + d), s);
    }

    /** Voids the current meter (part of a day may be in) and names the interval whose value is out of range. */
    private IllegalArgumentException refused(Channel channel, LocalDate utcDay, int s) {
        MeterId refused = meter;
        meter = null;
        return new IllegalArgumentException("the " + channel + " value of " + refused + " at "
                + calendar.grid().startOf(utcDay, s) + " is out of range; interval energies must be 0 to 2^40 - 1 Wh");
    }

    private int dayIndex(LocalDate utcDay) {
        long d = utcDay.toEpochDay() - slots.firstEpochDay;
        if (d < 0 || d >= slots.days()) {
            throw new IllegalArgumentException("UTC day " + utcDay + " holds no slot of billing period " + period
                    + " in " + calendar.zone() + "; feed " + LocalDate.ofEpochDay(slots.firstEpochDay) + " to "
                    + LocalDate.ofEpochDay(slots.firstEpochDay + slots.days() - 1));
        }
        return (int) d;
    }

    private void markFed(boolean[] fed, int d, Channel channel, LocalDate utcDay) {
        if (fed[d]) {
            throw new IllegalArgumentException(
                    "row " + channel + " " + utcDay + " of " + meter + " is fed twice; each row counts once");
        }
        fed[d] = true;
    }
}
