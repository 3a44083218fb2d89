package org.meterguard.server.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
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
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        if (from % 3600 == 0 && to % 3600 == 0 && hoursFitBuckets) {
            readHours(meter, span, target);
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

    /** The sums from the store's hourly sums: 24 a day, each UTC hour's intervals in one bucket. */
    private void readHours(MeterId meter, TimeRange span, Target target) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        store.readHours(
                meter,
                CHANNELS,
                utcDay(span.from()),
                utcDay(span.to().minusSeconds(1)),
                (channel, day, sums, counts, estimated) -> {
                    boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
                    long dayStart = day.toEpochDay() * 86_400L;
                    for (int hour = 0; hour < sums.length; hour++) {
                        long start = dayStart + hour * 3600L;
                        if (counts[hour] == 0 || start < from || start >= to) {
                            continue;
                        }
                        target.add(imported, start, sums[hour], counts[hour], estimated[hour]);
                    }
                });
    }

    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
