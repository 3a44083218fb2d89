package org.meterguard.core.vee;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

/**
 * A meter channel's typical value per profile slot (local wall-clock interval of the day) and day type, computed
 * from prior days: the median of the {@code VALID} values seen at that slot on days of that type. Estimates, edits
 * and questionable values are left out, so estimates are never built on estimates. Both passes of a fall-back
 * day's repeated hour count as samples of the same slots; a spring-forward day adds nothing to its skipped hour.
 *
 * <p>The median of an even number of samples is the mean of the middle two, rounded half up. A slot with fewer
 * samples than the minimum has no typical value.
 */
public final class TypicalProfile {
    /** The fewest samples a slot needs by default: three like days. */
    public static final int DEFAULT_MINIMUM_SAMPLES = 3;

    private final Channel channel;
    private final Duration interval;
    private final long[][] medians;
    private final int[][] samples;
    private final int minimumSamples;

    private TypicalProfile(Channel channel, Duration interval, List<List<List<Long>>> collected, int minimumSamples) {
        this.channel = channel;
        this.interval = interval;
        this.minimumSamples = minimumSamples;
        int slots = LocalDay.profileSlotsPerDay(interval);
        this.medians = new long[DayType.values().length][slots];
        this.samples = new int[DayType.values().length][slots];
        for (DayType type : DayType.values()) {
            for (int slot = 0; slot < slots; slot++) {
                List<Long> values = collected.get(type.ordinal()).get(slot);
                samples[type.ordinal()][slot] = values.size();
                medians[type.ordinal()][slot] = values.isEmpty() ? 0 : median(values);
            }
        }
    }

    /** The profile of {@code history} (prior days of one channel and interval), with the default minimum. */
    public static TypicalProfile fromHistory(Collection<IntervalSeries> history) {
        return fromHistory(history, DEFAULT_MINIMUM_SAMPLES);
    }

    /** The profile of {@code history}, where a slot needs {@code minimumSamples} valid values to be typical. */
    public static TypicalProfile fromHistory(Collection<IntervalSeries> history, int minimumSamples) {
        if (history.isEmpty() || minimumSamples < 1) {
            throw new IllegalArgumentException("a typical profile needs prior days and a minimum of at least one "
                    + "sample; got " + history.size() + " series and minimum " + minimumSamples);
        }
        IntervalSeries sample = history.iterator().next();
        List<List<List<Long>>> collected = emptyCollection(LocalDay.profileSlotsPerDay(sample.interval()));
        for (IntervalSeries series : history) {
            if (series.channel() != sample.channel() || !series.interval().equals(sample.interval())) {
                throw new IllegalArgumentException("history mixes " + sample.channel() + "/" + sample.interval()
                        + " with " + series.channel() + "/" + series.interval());
            }
            collect(series, collected);
        }
        return new TypicalProfile(sample.channel(), sample.interval(), collected, minimumSamples);
    }

    /** The typical value at {@code profileSlot} on days of {@code dayType}, or empty with too few samples. */
    public OptionalLong typical(DayType dayType, int profileSlot) {
        return samples(dayType, profileSlot) < minimumSamples
                ? OptionalLong.empty()
                : OptionalLong.of(medians[dayType.ordinal()][profileSlot]);
    }

    /** How many valid values the profile saw at {@code profileSlot} on days of {@code dayType}. */
    public int samples(DayType dayType, int profileSlot) {
        return samples[dayType.ordinal()][profileSlot];
    }

    public Channel channel() {
        return channel;
    }

    public Duration interval() {
        return interval;
    }

    /** Refuses a series this profile cannot describe, naming both. */
    void requireFits(IntervalSeries series) {
        if (series.channel() != channel || !series.interval().equals(interval)) {
            throw new IllegalArgumentException("typical profile of " + channel + "/" + interval
                    + " does not fit series of " + series.channel() + "/" + series.interval());
        }
    }

    private static List<List<List<Long>>> emptyCollection(int slots) {
        List<List<List<Long>>> collected = new ArrayList<>();
        for (int type = 0; type < DayType.values().length; type++) {
            List<List<Long>> perSlot = new ArrayList<>();
            for (int slot = 0; slot < slots; slot++) {
                perSlot.add(new ArrayList<>());
            }
            collected.add(perSlot);
        }
        return collected;
    }

    private static void collect(IntervalSeries series, List<List<List<Long>>> collected) {
        for (int i = 0; i < series.size(); i++) {
            if (series.isPresent(i) && series.quality(i) == ReadingQuality.VALID) {
                collected
                        .get(series.dayType(i).ordinal())
                        .get(series.profileSlot(i))
                        .add(series.value(i));
            }
        }
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        return Arithmetic.divideHalfUp(Math.addExact(sorted[middle - 1], sorted[middle]), 2);
    }
}
