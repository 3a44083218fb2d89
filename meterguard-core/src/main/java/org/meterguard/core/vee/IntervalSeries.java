package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/**
 * One meter channel's interval values over a contiguous run of intervals (normally whole local days), with the
 * meter's time zone so that every interval knows its local day and profile slot. A slot is either present, with a
 * value in the channel's unit and a quality, or missing. Immutable: arrays are copied in and out, and {@code
 * toString} shows no values.
 *
 * <p>Readings handed to the {@link Builder} whose start is not on the interval grid cannot take a slot; they are
 * kept as {@link #offGridReadings()} so that the clock check reports them rather than losing them.
 */
public final class IntervalSeries {
    private static final int DELTA_DATA = 4;

    private final MeterId meterId;
    private final Channel channel;
    private final ZoneId zone;
    private final Duration interval;
    private final Instant first;
    private final long[] values;
    private final boolean[] present;
    private final ReadingQuality[] qualities;
    private final List<IntervalReading> offGrid;

    private IntervalSeries(
            Layout layout,
            long[] values,
            boolean[] present,
            ReadingQuality[] qualities,
            List<IntervalReading> offGrid) {
        this.meterId = layout.meterId;
        this.channel = layout.channel;
        this.zone = layout.zone;
        this.interval = layout.interval;
        this.first = layout.first;
        if (values.length != present.length || values.length != qualities.length || values.length == 0) {
            throw new IllegalArgumentException("a series needs equally long, non-empty arrays; got " + values.length
                    + " values, " + present.length + " presence flags and " + qualities.length + " qualities");
        }
        this.present = present.clone();
        this.values = new long[values.length];
        this.qualities = new ReadingQuality[values.length];
        for (int i = 0; i < values.length; i++) {
            if (this.present[i] && qualities[i] == null) {
                throw new IllegalArgumentException("slot " + i + " is present but has no quality");
            }
            if (this.present[i]) {
                this.values[i] = values[i];
                this.qualities[i] = qualities[i];
            }
        }
        this.offGrid = List.copyOf(offGrid);
        LocalDay.containing(first, zone, interval);
        LocalDay.containing(start(values.length - 1), zone, interval);
    }

    /**
     * A series of exactly one local day: slot {@code i} of the arrays is interval {@code i} of {@code day}. The
     * quality of a missing slot is ignored and may be null.
     */
    public static IntervalSeries of(
            MeterId meterId,
            Channel channel,
            LocalDay day,
            long[] values,
            boolean[] present,
            ReadingQuality[] qualities) {
        if (values.length != day.size()) {
            throw new IllegalArgumentException("local day " + day.date() + " in " + day.zone() + " has " + day.size()
                    + " intervals of " + day.interval() + "; got " + values.length + " values");
        }
        return of(meterId, channel, day.zone(), day.interval(), day.first(), values, present, qualities);
    }

    /**
     * A series of any contiguous run of intervals from {@code first}, which must lie on the interval grid. The
     * quality of a missing slot is ignored and may be null.
     */
    public static IntervalSeries of(
            MeterId meterId,
            Channel channel,
            ZoneId zone,
            Duration interval,
            Instant first,
            long[] values,
            boolean[] present,
            ReadingQuality[] qualities) {
        return new IntervalSeries(
                new Layout(meterId, channel, zone, interval, first), values, present, qualities, List.of());
    }

    /** A builder for the local days {@code firstDay} to {@code lastDay} inclusive, every slot missing at first. */
    public static Builder builder(MeterId meterId, Channel channel, LocalDay firstDay, LocalDay lastDay) {
        if (!firstDay.zone().equals(lastDay.zone()) || !firstDay.interval().equals(lastDay.interval())) {
            throw new IllegalArgumentException("days " + firstDay + " and " + lastDay + " differ in zone or interval");
        }
        int size = (int) (Duration.between(firstDay.first(), lastDay.end()).getSeconds()
                / firstDay.interval().getSeconds());
        if (size <= 0) {
            throw new IllegalArgumentException("last day " + lastDay.date() + " is before " + firstDay.date());
        }
        return new Builder(new Layout(meterId, channel, firstDay.zone(), firstDay.interval(), firstDay.first()), size);
    }

    /** A builder for the one local day {@code day}. */
    public static Builder builder(MeterId meterId, Channel channel, LocalDay day) {
        return builder(meterId, channel, day, day);
    }

    public MeterId meterId() {
        return meterId;
    }

    public Channel channel() {
        return channel;
    }

    /** The meter's time zone, which decides local days and profile slots. */
    public ZoneId zone() {
        return zone;
    }

    public Duration interval() {
        return interval;
    }

    /** The number of slots, present or missing. */
    public int size() {
        return values.length;
    }

    /** The instants the slots cover: from the first slot's start to the last slot's end. */
    public TimeRange span() {
        return new TimeRange(first, start(size() - 1).plus(interval));
    }

    /** The start of slot {@code index}. */
    public Instant start(int index) {
        return first.plus(interval.multipliedBy(index));
    }

    /** The slot of the interval starting at {@code start}, if it is on the grid and within the span. */
    public OptionalInt indexOf(Instant start) {
        if (!span().contains(start) || !new IntervalGrid(interval).isAligned(start)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (Duration.between(first, start).getSeconds() / interval.getSeconds()));
    }

    public boolean isPresent(int index) {
        return present[index];
    }

    /** The value of a present slot, in the channel's unit. */
    public long value(int index) {
        requirePresent(index);
        return values[index];
    }

    /** The quality of a present slot. */
    public ReadingQuality quality(int index) {
        requirePresent(index);
        return qualities[index];
    }

    /** The reading in slot {@code index}, or empty where the slot is missing. */
    public Optional<IntervalReading> reading(int index) {
        return present[index]
                ? Optional.of(new IntervalReading(start(index), values[index], qualities[index]))
                : Optional.empty();
    }

    /** The present readings in time order: what a caller writes back. */
    public List<IntervalReading> readings() {
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            reading(i).ifPresent(readings::add);
        }
        return List.copyOf(readings);
    }

    /** Readings given to the builder whose start was not on the interval grid. */
    public List<IntervalReading> offGridReadings() {
        return offGrid;
    }

    /** The local date slot {@code index} starts on. */
    public LocalDate localDate(int index) {
        return start(index).atZone(zone).toLocalDate();
    }

    /** The day type of slot {@code index}'s local date. */
    public DayType dayType(int index) {
        return DayType.of(localDate(index));
    }

    /** The profile slot of slot {@code index}: its local wall-clock start, in intervals since midnight. */
    public int profileSlot(int index) {
        return LocalDay.profileSlotOf(start(index), zone, interval);
    }

    /** The local days the series touches, in order, whether it covers them wholly or not. */
    public List<LocalDay> localDays() {
        List<LocalDay> days = new ArrayList<>();
        LocalDay last = LocalDay.containing(start(size() - 1), zone, interval);
        for (LocalDay day = LocalDay.containing(first, zone, interval);
                !day.date().isAfter(last.date()); ) {
            days.add(day);
            day = day.next();
        }
        return List.copyOf(days);
    }

    /** This series widened to whole local days; slots it did not cover are missing. */
    public IntervalSeries coveringLocalDays() {
        List<LocalDay> days = localDays();
        Builder builder = builder(meterId, channel, days.get(0), days.get(days.size() - 1));
        readings().forEach(builder::put);
        offGrid.forEach(builder::put);
        return builder.build();
    }

    /** True where slot {@code index} holds a value from the meter (raw, valid or questionable), not an estimate or edit. */
    boolean isMeasured(int index) {
        return present[index] && !qualities[index].isEstimateOrEdit();
    }

    /** True where the channel's values are each interval's own amount (ESPI accumulation 4, delta data). */
    boolean isDelta() {
        return channel.accumulationBehaviour() == DELTA_DATA;
    }

    /** The start of slot {@code index} as the meter's local time with its offset, for messages people read. */
    String describe(int index) {
        return describe(start(index));
    }

    String describe(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    /** A series with the same layout and off-grid readings and the given slots. */
    IntervalSeries withSlots(long[] newValues, boolean[] newPresent, ReadingQuality[] newQualities) {
        return new IntervalSeries(
                new Layout(meterId, channel, zone, interval, first), newValues, newPresent, newQualities, offGrid);
    }

    long[] valuesCopy() {
        return values.clone();
    }

    boolean[] presentCopy() {
        return present.clone();
    }

    ReadingQuality[] qualitiesCopy() {
        return qualities.clone();
    }

    private void requirePresent(int index) {
        if (!present[index]) {
            throw new IllegalStateException("slot " + index + " (" + describe(index) + ") is missing");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalSeries that
                && meterId.equals(that.meterId)
                && channel == that.channel
                && zone.equals(that.zone)
                && interval.equals(that.interval)
                && first.equals(that.first)
                && Arrays.equals(values, that.values)
                && Arrays.equals(present, that.present)
                && Arrays.equals(qualities, that.qualities)
                && offGrid.equals(that.offGrid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meterId, channel, first, Arrays.hashCode(values), Arrays.hashCode(qualities));
    }

    @Override
    public String toString() {
        int count = 0;
        for (boolean p : present) {
            count += p ? 1 : 0;
        }
        return "IntervalSeries[" + meterId + " " + channel + " " + span().from() + ".." + span().to() + " in " + zone
                + ", " + count + " of " + size() + " present]";
    }

    private record Layout(MeterId meterId, Channel channel, ZoneId zone, Duration interval, Instant first) {
        private Layout {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(zone, "zone");
            if (!new IntervalGrid(Objects.requireNonNull(interval, "interval"))
                    .isAligned(Objects.requireNonNull(first, "first"))) {
                throw new IllegalArgumentException("series start " + first + " is not on the " + interval + " grid");
            }
        }
    }

    /**
     * Collects readings into the slots of whole local days, as a caller does while reading stored rows. A reading
     * outside the days is refused; one inside them but off the interval grid is kept aside for the clock check.
     */
    public static final class Builder {
        private final Layout layout;
        private final long[] values;
        private final boolean[] present;
        private final ReadingQuality[] qualities;
        private final List<IntervalReading> offGrid = new ArrayList<>();

        private Builder(Layout layout, int size) {
            this.layout = layout;
            this.values = new long[size];
            this.present = new boolean[size];
            this.qualities = new ReadingQuality[size];
        }

        /** Places a reading in its slot; a slot takes one reading only. */
        public Builder put(IntervalReading reading) {
            Instant start = reading.start();
            long offset = Duration.between(layout.first, start).getSeconds();
            long slot = Math.floorDiv(offset, layout.interval.getSeconds());
            if (offset < 0 || slot >= values.length) {
                throw new IllegalArgumentException("reading at " + start + " is outside the series' days");
            }
            if (!new IntervalGrid(layout.interval).isAligned(start)) {
                offGrid.add(reading);
            } else if (present[(int) slot]) {
                throw new IllegalArgumentException("interval " + start + " given twice");
            } else {
                values[(int) slot] = reading.value();
                present[(int) slot] = true;
                qualities[(int) slot] = reading.quality();
            }
            return this;
        }

        /** Places a value and its quality in the slot of the interval starting at {@code start}. */
        public Builder put(Instant start, long value, ReadingQuality quality) {
            return put(new IntervalReading(start, value, quality));
        }

        public IntervalSeries build() {
            return new IntervalSeries(layout, values, present, qualities, offGrid);
        }
    }
}
