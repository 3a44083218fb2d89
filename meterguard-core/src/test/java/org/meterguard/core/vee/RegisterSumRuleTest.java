package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class RegisterSumRuleTest {
    private final ValidationRule rule = ValidationRule.registerSum();
    private final IntervalSeries day =
            DayData.constant("2026-03-10", 100, ReadingQuality.RAW).series();

    @Test
    void staysQuietWhenTheIntervalsAddUpToTheRegister() {
        assertThat(rule.check(day, readsAdvancing(9600))).isEmpty();
        assertThat(rule.check(day, readsAdvancing(9600 + 1000))).isEmpty();
        assertThat(rule.check(day, VeeContext.at(LATER))).isEmpty();
    }

    @Test
    void failsTheWholeSpanWhenTheyDoNot() {
        List<Finding> findings = rule.check(day, readsAdvancing(9600 + 1001));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.intervalStart()).isEqualTo(day.start(0));
            assertThat(f.intervals()).isEqualTo(96);
            assertThat(f.detail()).contains("advanced 10601", "sum to 9600", "difference 1001");
        });
    }

    @Test
    void comparesEachConsecutivePairInsideTheSeries() {
        VeeContext context = VeeContext.at(LATER)
                .withRegisterReads(List.of(
                        new RegisterRead(day.start(48), 54_800), // given out of order
                        new RegisterRead(day.start(0), 50_000),
                        new RegisterRead(day.span().to(), 57_000),
                        new RegisterRead(day.span().to().plusSeconds(3600), 60_000)));

        assertThat(rule.check(day, context))
                .singleElement()
                .satisfies(f -> assertThat(f.intervalStart()).isEqualTo(day.start(48)))
                .satisfies(f -> assertThat(f.intervals()).isEqualTo(48));
    }

    @Test
    void warnsInsteadOfComparingAcrossAGapOrOffTheGrid() {
        IntervalSeries withGap = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .missing(10)
                .series();
        assertThat(rule.check(withGap, readsAdvancing(50_000)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.detail()).contains("intervals missing"));

        VeeContext offGrid = VeeContext.at(LATER)
                .withRegisterReads(List.of(
                        new RegisterRead(day.start(0).plusSeconds(60), 50_000),
                        new RegisterRead(day.start(4), 90_000)));
        assertThat(rule.check(day, offGrid)).singleElement().satisfies(f -> assertThat(f.severity())
                .isEqualTo(Severity.WARNING));
    }

    @Test
    void ignoresInstantaneousChannels() {
        IntervalSeries voltage = DayData.constant("2026-03-10", 2400, ReadingQuality.RAW)
                .channel(Channel.VOLTAGE_L1)
                .series();
        assertThat(rule.check(voltage, readsAdvancing(1))).isEmpty();
    }

    private VeeContext readsAdvancing(long advance) {
        return VeeContext.at(LATER)
                .withRegisterReads(List.of(
                        new RegisterRead(day.start(0), 50_000),
                        new RegisterRead(day.span().to(), 50_000 + advance)));
    }
}
