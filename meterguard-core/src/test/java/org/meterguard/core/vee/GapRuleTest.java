package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;
import static org.meterguard.core.vee.DayData.LOS_ANGELES;
import static org.meterguard.core.vee.DayData.METER;
import static org.meterguard.core.vee.DayData.QUARTER_HOUR;
import static org.meterguard.core.vee.DayData.day;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class GapRuleTest {
    private final ValidationRule rule = ValidationRule.gaps();
    private final VeeContext context = VeeContext.at(LATER);

    @Test
    void staysQuietOnACompleteDay() {
        assertThat(rule.check(
                        DayData.constant("2026-03-10", 100, ReadingQuality.RAW).series(), context))
                .isEmpty();
    }

    @Test
    void findsNoGapOnACompleteSpringForwardDayOf92() {
        assertThat(rule.check(
                        DayData.constant("2026-03-08", 100, ReadingQuality.RAW).series(), context))
                .isEmpty();
    }

    @Test
    void reportsEachRunOfMissingIntervalsOnce() {
        IntervalSeries series = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .missing(0, 40, 41, 42)
                .series();

        List<Finding> findings = rule.check(series, context);

        assertThat(findings).extracting(Finding::intervalStart).containsExactly(series.start(0), series.start(40));
        assertThat(findings).extracting(Finding::intervals).containsExactly(1, 3);
        assertThat(findings)
                .allMatch(f -> f.severity() == Severity.ERROR && f.rule().equals("gap"));
        assertThat(findings.get(1).detail()).contains("3 intervals missing from 2026-03-10T10:00-07:00");
    }

    @Test
    void findsTheRepeatedHourMissingOnFallBack() {
        IntervalSeries series = DayData.constant("2026-11-01", 100, ReadingQuality.RAW)
                .missingRange(8, 12)
                .series();

        List<Finding> findings = rule.check(series, context);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.intervalStart()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
            assertThat(f.intervals()).isEqualTo(4);
            assertThat(f.detail()).contains("01:00-08:00");
        });
    }

    @Test
    void findsTheFourIntervalsADayOf96SlotsLacksOnFallBack() {
        LocalDay fallBack = day("2026-11-01");
        IntervalSeries naive = IntervalSeries.of(
                METER,
                Channel.ACTIVE_ENERGY_IMPORT,
                LOS_ANGELES,
                QUARTER_HOUR,
                fallBack.first(),
                filled(96),
                allPresent(96),
                raw(96));

        assertThat(rule.check(naive, context)).singleElement().satisfies(f -> {
            assertThat(f.intervalStart()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
            assertThat(f.intervals()).isEqualTo(4);
        });
    }

    @Test
    void doesNotCallIntervalsThatHaveNotEndedAGap() {
        IntervalSeries series = DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                .missingRange(40, 96)
                .series();
        Instant endOfSlot40 = series.start(41);

        assertThat(rule.check(series, VeeContext.at(endOfSlot40.minusSeconds(1))))
                .isEmpty();
        assertThat(rule.check(series, VeeContext.at(endOfSlot40)))
                .singleElement()
                .extracting(Finding::intervals)
                .isEqualTo(1);
    }

    private static long[] filled(int size) {
        long[] values = new long[size];
        Arrays.fill(values, 100);
        return values;
    }

    private static boolean[] allPresent(int size) {
        boolean[] present = new boolean[size];
        Arrays.fill(present, true);
        return present;
    }

    private static ReadingQuality[] raw(int size) {
        ReadingQuality[] qualities = new ReadingQuality[size];
        Arrays.fill(qualities, ReadingQuality.RAW);
        return qualities;
    }
}
