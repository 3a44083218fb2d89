package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;

import org.junit.jupiter.api.Test;
import org.meterguard.core.ReadingQuality;

class MaximumRuleTest {
    private final ValidationRule rule = ValidationRule.aboveMaximum();

    @Test
    void staysQuietAtTheMaximumAndWithoutOne() {
        IntervalSeries series =
                DayData.constant("2026-03-10", 5000, ReadingQuality.RAW).series();
        assertThat(rule.check(series, VeeContext.at(LATER).withMaximum(5000))).isEmpty();
        assertThat(rule.check(series, VeeContext.at(LATER))).isEmpty();
    }

    @Test
    void findsAValueAboveTheMaximum() {
        IntervalSeries series = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .set(50, 5001, ReadingQuality.RAW)
                .series();

        assertThat(rule.check(series, VeeContext.at(LATER).withMaximum(5000)))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(series.start(50)))
                .satisfies(f -> assertThat(f.detail()).contains("5001", "maximum 5000"));
    }
}
