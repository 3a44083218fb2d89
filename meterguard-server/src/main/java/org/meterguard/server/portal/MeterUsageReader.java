package org.meterguard.server.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.readings.DayRowHandler;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.stereotype.Component;

/**
 * Reads one meter's import and export over a span from the store, as sums that each fall into one bucket of the
 * caller's: from the store's hourly sums when the caller's buckets hold whole UTC hours and the span starts and ends
 * on whole hours (24 sums a day instead of 96 values), else interval by interval from the values.
 */
@Component
class MeterUsageReader {
    private static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);
    private static final boolean[] ESTIMATE = estimateCodes();

    /** Where the sums go: each sum's intervals all start in the bucket of {@code epochSecond}. */
    interface Target {
        void add(boolean imported, long epochSecond, long sum, int count, int estimates);

        /**
         * Hours {@code [fromHour, toHour)} of a run of UTC hours from {@code firstEpochSecond}, each hour's intervals
         * in one bucket; by default one {@link #add} per hour with data.
         */
        default void addHours(
                boolean imported,
                long firstEpochSecond,
                long[] sums,
                int[] counts,
                int[] estimates,
                int fromHour,
                int toHour) {
            for (int h = fromHour; h < toHour; h++) {
                if (counts[h] > 0) {
                    add(imported, firstEpochSecond + 3600L * h, sums[h], counts[h], estimates[h]);
                }
            }
        }

        /**
         * Adds each channel's sums to every one of its series (each ignores what lies outside its period), whole
         * runs of hours at once ({@link UsageSeries#addHours}).
         */
        static Target into(List<UsageSeries> imported, List<UsageSeries> exported) {
            return new Target() {
                @Override
                public void add(boolean isImport, long epochSecond, long sum, int count, int estimates) {
                    for (UsageSeries series : isImport ? imported : exported) {
                        series.add(epochSecond, sum, count, estimates);
                    }
                }

                @Override
                public void addHours(
                        boolean isImport,
                        long firstEpochSecond,
                        long[] sums,
                        int[] counts,
                        int[] estimates,
                        int fromHour,
                        int toHour) {
                    for (UsageSeries series : isImport ? imported : exported) {
                        series.addHours(firstEpochSecond, sums, counts, estimates, fromHour, toHour);
                    }
                }
            };
        }
    }

    private final ReadingStore store;

    MeterUsageReader(ReadingStore store) {
        this.store = store;
    }

    private static boolean[] estimateCodes() {
        boolean[] codes = new boolean[256];
        for (ReadingQuality quality : ReadingQuality.values()) {
            codes[quality.espiCode()] = quality.isEstimate();
        }
        return codes;
    }

    /**
     * Adds {@code meter}'s intervals starting in {@code span} to {@code target}; {@code hoursFitBuckets} says whether
     * each UTC hour lies in one bucket of the target's (see {@link org.meterguard.core.usage.UsageSeries}).
     */
    void read(MeterId meter, TimeRange span, boolean hoursFitBuckets, Target target) {
        read(meter, span, hoursFitBuckets, null, target);
    }

    /**
     * As {@link #read(MeterId, TimeRange, boolean, Target)}, for a target whose buckets are whole local days of
     * {@code localDays} (or runs of them) over a span from one local midnight of that zone to another: the rolled-up
     * months that keep their sums per local day of the zone are read as those (about 31 sums a month instead of 744).
     */
    void read(MeterId meter, TimeRange span, boolean hoursFitBuckets, ZoneId localDays, Target target) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        if (from % 3600 == 0 && to % 3600 == 0 && hoursFitBuckets) {
            readHours(meter, span, localDays, target);
            return;
        }
        store.readDays(
                meter,
                CHANNELS,
                utcDay(span.from()),
                utcDay(span.to().minusSeconds(1)),
                (channel, day, intervalSeconds, values, qualities) -> {
                    boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
                    long dayStart = day.toEpochDay() * 86_400L;
                    for (int slot = 0; slot < values.length; slot++) {
                        long start = dayStart + (long) slot * intervalSeconds;
                        if (values[slot] == DayRowHandler.MISSING || start < from || start >= to) {
                            continue;
                        }
                        target.add(imported, start, values[slot], 1, ESTIMATE[qualities[slot] & 0xff] ? 1 : 0);
                    }
                });
    }

    /**
     * The sums from the store's hourly sums (24 a day, read a day or a month at a time), each UTC hour's intervals in
     * one bucket; and, with {@code localDays}, from the rolled-up months' sums per local day of that zone where they
     * keep them, each lying wholly inside or outside the span (which starts and ends on local midnights).
     */
    private void readHours(MeterId meter, TimeRange span, ZoneId localDays, Target target) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        store.readHours(
                meter,
                CHANNELS,
                utcDay(span.from()),
                utcDay(span.to().minusSeconds(1)),
                localDays,
                (channel, day, hours, sums, counts, estimated) -> {
                    long dayStart = day.toEpochDay() * 86_400L;
                    // from and to are whole hours: the run's hours that start in [from, to).
                    int fromHour = (int) Math.max(0, Math.min(hours, (from - dayStart) / 3600));
                    int toHour = (int) Math.max(0, Math.min(hours, (to - dayStart) / 3600));
                    if (fromHour < toHour) {
                        target.addHours(
                                channel == Channel.ACTIVE_ENERGY_IMPORT,
                                dayStart,
                                sums,
                                counts,
                                estimated,
                                fromHour,
                                toHour);
                    }
                },
                localDays == null
                        ? null
                        : (channel, days, starts, sums, counts, estimated) -> {
                            boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
                            for (int d = 0; d < days; d++) {
                                if (counts[d] > 0 && starts[d] >= from && starts[d] < to) {
                                    target.add(imported, starts[d], sums[d], counts[d], estimated[d]);
                                }
                            }
                        });
    }

    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
