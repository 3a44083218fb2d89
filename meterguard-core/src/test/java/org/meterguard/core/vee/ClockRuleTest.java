package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;
import static org.meterguard.core.vee.DayData.METER;
import static org.meterguard.core.vee.DayData.day;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class ClockRuleTest {
    private final ValidationRule rule = ValidationRule.clock();

    @Test
    void staysQuietOnACleanDayInThePast() {
        assertThat(rule.check(
                        DayData.constant("2026-03-10", 100, ReadingQuality.RAW).series(), VeeContext.at(LATER)))
                .isEmpty();
    }

    @Test
    void findsAReadingOffTheGrid() {
        Instant offGrid = Instant.parse("2026-03-10T15:07:30Z");
        IntervalSeries series = IntervalSeries.builder(METER, Channel.ACTIVE_ENERGY_IMPORT, day("2026-03-10"))
                .put(offGrid, 80, ReadingQuality.RAW)
                .build();

        assertThat(rule.check(series, VeeContext.at(LATER)))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(offGrid))
                .satisfies(f -> assertThat(f.detail()).contains("off the PT15M grid"));
    }

    @Test
    void findsValuesForIntervalsStartingAfterNow() {
        IntervalSeries series =
                DayData.constant("2026-03-10", 100, ReadingQuality.RAW).series();
        Instant now = series.start(93).plusSeconds(60);

        assertThat(rule.check(series, VeeContext.at(now)))
                .extracting(Finding::intervalStart)
                .containsExactly(series.start(94), series.start(95));
    }

    @Test
    void findsIntervalsTheMeterFlaggedClockInvalid() {
        IntervalSeries series =
                DayData.constant("2026-03-10", 100, ReadingQuality.RAW).series();
        VeeContext context = VeeContext.at(LATER).withClockInvalid(Set.of(series.start(12), Instant.EPOCH));

        assertThat(rule.check(series, context))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(series.start(12)))
                .satisfies(f -> assertThat(f.detail()).contains("invalid clock"));
    }

    @Test
    void leavesEditsAndEstimatesAlone() {
        IntervalSeries series = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .set(12, 100, ReadingQuality.EDITED)
                .set(13, 100, ReadingQuality.ESTIMATED_LINEAR)
                .series();
        VeeContext context = VeeContext.at(LATER).withClockInvalid(Set.of(series.start(12), series.start(13)));

        assertThat(rule.check(series, context)).isEmpty();
    }
}
