package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.meterguard.core.IntervalReading;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.core.usage.UsageSeries;

/** What a dashboard series must hold, worked out from the stored readings one by one (tests). */
public final class UsageExpectations {
    private UsageExpectations() {}

    /** {@code readings} that start within {@code metered} added one by one into {@code period}'s buckets. */
    public static UsageSeries expected(UsagePeriod period, Iterable<IntervalReading> readings, TimeRange metered) {
        UsageSeries expected = new UsageSeries(period);
        for (IntervalReading reading : readings) {
            if (metered.contains(reading.start())) {
                expected.add(
                        reading.start().getEpochSecond(),
                        reading.value(),
                        reading.quality().isEstimate());
            }
        }
        return expected;
    }

    /** The same sums, measured intervals and estimated intervals in every bucket. */
    public static void assertSameBuckets(UsageSeries actual, UsageSeries expected, String what) {
        assertThat(actual.values()).as(what).containsExactly(expected.values());
        assertThat(actual.intervals()).as(what).containsExactly(expected.intervals());
        assertThat(actual.estimated()).as(what).containsExactly(expected.estimated());
    }
}
