package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;

import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class NegativeValueRuleTest {
    private final ValidationRule rule = ValidationRule.negativeValues();
    private final VeeContext context = VeeContext.at(LATER);

    @Test
    void staysQuietOnACleanDay() {
        assertThat(rule.check(
                        DayData.constant("2026-03-10", 0, ReadingQuality.RAW).series(), context))
                .isEmpty();
    }

    @Test
    void findsANegativeEnergyValue() {
        IntervalSeries series = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .set(30, -1, ReadingQuality.RAW)
                .series();

        assertThat(rule.check(series, context))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(series.start(30)))
                .satisfies(f -> assertThat(f.detail()).contains("negative value -1"));
    }

    @Test
    void ignoresInstantaneousChannelsAndEdits() {
        IntervalSeries voltage = DayData.constant("2026-03-10", -5, ReadingQuality.RAW)
                .channel(Channel.VOLTAGE_L1)
                .series();
        IntervalSeries edited = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .set(30, -1, ReadingQuality.EDITED)
                .series();

        assertThat(rule.check(voltage, context)).isEmpty();
        assertThat(rule.check(edited, context)).isEmpty();
    }
}
