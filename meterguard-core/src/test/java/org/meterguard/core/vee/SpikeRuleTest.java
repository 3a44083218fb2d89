package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.vee.DayData.LATER;

import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class SpikeRuleTest {
    private static final String TUESDAY = "2026-03-10";
    private final ValidationRule rule = ValidationRule.spikes();
    private final VeeContext context =
            VeeContext.at(LATER).withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)));

    @Test
    void staysQuietOnATypicalDay() {
        IntervalSeries day = DayData.constant(TUESDAY, 120, ReadingQuality.RAW).series();
        assertThat(rule.check(day, context)).isEmpty();
    }

    @Test
    void findsNothingWithoutAProfile() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(40, 5000, ReadingQuality.RAW)
                .series();
        assertThat(rule.check(day, VeeContext.at(LATER))).isEmpty();
        assertThat(rule.check(day, context)).hasSize(1);
    }

    @Test
    void findsAValueFarAboveTypical() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(40, 5000, ReadingQuality.RAW)
                .series();

        assertThat(rule.check(day, context))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(day.start(40)))
                .satisfies(f -> assertThat(f.detail()).contains("5000", "typical 100", "WEEKDAY"));
    }

    @Test
    void needsBothTheRatioAndTheFloor() {
        // 1100 is eleven times typical but only 1000 above it: the floor keeps it.
        IntervalSeries belowFloor = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(40, 1100, ReadingQuality.RAW)
                .series();
        IntervalSeries aboveFloor = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(40, 1101, ReadingQuality.RAW)
                .series();
        assertThat(rule.check(belowFloor, context)).isEmpty();
        assertThat(rule.check(aboveFloor, context)).hasSize(1);

        // 3500 is 1500 above a typical 2000 but not five times it; 10 000 is exactly five times, 10 001 above.
        VeeContext busy =
                VeeContext.at(LATER).withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 2000, 0)));
        IntervalSeries busyDay = DayData.constant(TUESDAY, 2000, ReadingQuality.RAW)
                .set(40, 10_001, ReadingQuality.RAW)
                .set(41, 3500, ReadingQuality.RAW)
                .set(42, 10_000, ReadingQuality.RAW)
                .series();
        assertThat(rule.check(busyDay, busy)).extracting(Finding::intervalStart).containsExactly(busyDay.start(40));
    }

    @Test
    void comparesWithTheProfileOfTheSameDayType() {
        // A weekday profile says nothing about Sunday.
        IntervalSeries sunday = DayData.constant("2026-03-15", 100, ReadingQuality.RAW)
                .set(40, 5000, ReadingQuality.RAW)
                .series();
        assertThat(rule.check(sunday, context)).isEmpty();
    }

    @Test
    void usesConfiguredThresholds() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(40, 450, ReadingQuality.RAW)
                .series();
        assertThat(rule.check(day, context)).isEmpty();
        assertThat(rule.check(day, context.withConfig(VeeConfig.DEFAULTS.withSpike(300, 200))))
                .hasSize(1);
    }

    @Test
    void refusesAProfileOfAnotherChannel() {
        IntervalSeries voltage = DayData.constant(TUESDAY, 2400, ReadingQuality.RAW)
                .channel(Channel.VOLTAGE_L1)
                .series();
        assertThatThrownBy(() -> rule.check(voltage, context)).hasMessageContaining("does not fit");
    }
}
