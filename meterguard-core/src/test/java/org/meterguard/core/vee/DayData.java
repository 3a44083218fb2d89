package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/** Test fixture: one local day's slots, changed slot by slot and then frozen into a series. */
final class DayData {
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    static final MeterId METER = MeterId.of("M-1");
    /** Long after every day used in tests: every interval has ended. */
    static final Instant LATER = Instant.parse("2027-06-01T00:00:00Z");

    final LocalDay day;
    private final long[] values;
    private final boolean[] present;
    private final ReadingQuality[] qualities;
    private MeterId meterId = METER;
    private Channel channel = Channel.ACTIVE_ENERGY_IMPORT;

    private DayData(LocalDay day) {
        this.day = day;
        this.values = new long[day.size()];
        this.present = new boolean[day.size()];
        this.qualities = new ReadingQuality[day.size()];
    }

    static LocalDay day(String date) {
        return new LocalDay(LOS_ANGELES, LocalDate.parse(date), QUARTER_HOUR);
    }

    /** Every slot present with {@code value} and {@code quality}. */
    static DayData constant(String date, long value, ReadingQuality quality) {
        DayData data = new DayData(day(date));
        for (int i = 0; i < data.values.length; i++) {
            data.set(i, value, quality);
        }
        return data;
    }

    /** Every slot present with its profile slot times {@code perSlot} plus {@code base}, all of {@code quality}. */
    static DayData shaped(String date, long base, long perSlot, ReadingQuality quality) {
        DayData data = new DayData(day(date));
        for (int i = 0; i < data.values.length; i++) {
            data.set(i, base + perSlot * data.day.profileSlot(i), quality);
        }
        return data;
    }

    DayData set(int index, long value, ReadingQuality quality) {
        values[index] = value;
        present[index] = true;
        qualities[index] = quality;
        return this;
    }

    DayData missing(int... indexes) {
        for (int index : indexes) {
            present[index] = false;
            qualities[index] = null;
        }
        return this;
    }

    DayData missingRange(int from, int to) {
        for (int index = from; index < to; index++) {
            missing(index);
        }
        return this;
    }

    DayData meter(String id) {
        meterId = MeterId.of(id);
        return this;
    }

    DayData channel(Channel newChannel) {
        channel = newChannel;
        return this;
    }

    IntervalSeries series() {
        return IntervalSeries.of(meterId, channel, day, values, present, qualities);
    }

    /** Three prior weeks' days of the same weekday as {@code date}, shaped like {@link #shaped}, all valid. */
    static List<IntervalSeries> history(String date, long base, long perSlot) {
        List<IntervalSeries> days = new ArrayList<>();
        for (int week = 1; week <= 3; week++) {
            String prior = LocalDate.parse(date).minusWeeks(week).toString();
            days.add(shaped(prior, base, perSlot, ReadingQuality.VALID).series());
        }
        return days;
    }
}
