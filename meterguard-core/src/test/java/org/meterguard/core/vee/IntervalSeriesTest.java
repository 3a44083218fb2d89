package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.vee.DayData.LOS_ANGELES;
import static org.meterguard.core.vee.DayData.METER;
import static org.meterguard.core.vee.DayData.QUARTER_HOUR;
import static org.meterguard.core.vee.DayData.day;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.ReadingQuality;

class IntervalSeriesTest {
    private static final Channel IMPORT = Channel.ACTIVE_ENERGY_IMPORT;

    @Test
    void refusesArraysOfTheWrongLengthForALocalDay() {
        LocalDay springForward = day("2026-03-08");
        assertThatThrownBy(() -> IntervalSeries.of(
                        METER, IMPORT, springForward, new long[96], new boolean[96], new ReadingQuality[96]))
                .hasMessageContaining("has 92 intervals")
                .hasMessageContaining("got 96");
    }

    @Test
    void copiesArraysInSoLaterChangesDoNotLeakIn() {
        long[] values = new long[92];
        boolean[] present = new boolean[92];
        ReadingQuality[] qualities = new ReadingQuality[92];
        present[3] = true;
        values[3] = 42;
        qualities[3] = ReadingQuality.RAW;
        IntervalSeries series = IntervalSeries.of(METER, IMPORT, day("2026-03-08"), values, present, qualities);
        values[3] = 7;
        present[4] = true;
        assertThat(series.value(3)).isEqualTo(42);
        assertThat(series.isPresent(4)).isFalse();
    }

    @Test
    void refusesAPresentSlotWithoutQuality() {
        boolean[] present = new boolean[96];
        present[5] = true;
        assertThatThrownBy(() -> IntervalSeries.of(
                        METER, IMPORT, day("2026-03-10"), new long[96], present, new ReadingQuality[96]))
                .hasMessageContaining("slot 5");
    }

    @Test
    void buildsFromReadingsAndKeepsOffGridOnesAside() {
        LocalDay day = day("2026-11-01");
        Instant repeated = Instant.parse("2026-11-01T09:00:00Z");
        IntervalSeries series = IntervalSeries.builder(METER, IMPORT, day)
                .put(repeated, 120, ReadingQuality.RAW)
                .put(Instant.parse("2026-11-01T09:07:00Z"), 5, ReadingQuality.RAW)
                .build();
        assertThat(series.size()).isEqualTo(100);
        assertThat(series.value(8)).isEqualTo(120);
        assertThat(series.readings()).containsExactly(new IntervalReading(repeated, 120, ReadingQuality.RAW));
        assertThat(series.offGridReadings()).extracting(IntervalReading::value).containsExactly(5L);
    }

    @Test
    void refusesReadingsOutsideItsDaysAndTwiceForOneSlot() {
        IntervalSeries.Builder builder = IntervalSeries.builder(METER, IMPORT, day("2026-03-10"));
        assertThatThrownBy(() -> builder.put(Instant.parse("2026-03-10T06:45:00Z"), 1, ReadingQuality.RAW))
                .hasMessageContaining("outside");
        builder.put(Instant.parse("2026-03-10T07:00:00Z"), 1, ReadingQuality.RAW);
        assertThatThrownBy(() -> builder.put(Instant.parse("2026-03-10T07:00:00Z"), 2, ReadingQuality.RAW))
                .hasMessageContaining("given twice");
    }

    @Test
    void widensToWholeLocalDaysKeepingEveryValue() {
        LocalDay fallBack = day("2026-11-01");
        long[] values = new long[96];
        boolean[] present = new boolean[96];
        ReadingQuality[] qualities = new ReadingQuality[96];
        java.util.Arrays.fill(present, true);
        java.util.Arrays.fill(values, 9);
        java.util.Arrays.fill(qualities, ReadingQuality.RAW);
        IntervalSeries naive = IntervalSeries.of(
                METER, IMPORT, LOS_ANGELES, QUARTER_HOUR, fallBack.first(), values, present, qualities);

        IntervalSeries whole = naive.coveringLocalDays();

        assertThat(whole.size()).isEqualTo(100);
        assertThat(whole.readings()).isEqualTo(naive.readings());
        assertThat(whole.isPresent(95)).isTrue();
        assertThat(whole.isPresent(96)).isFalse();
        assertThat(whole.localDays()).containsExactly(fallBack);
    }

    @Test
    void spansSeveralLocalDaysWithEachSlotsOwnDateAndProfileSlot() {
        IntervalSeries twoDays = IntervalSeries.builder(METER, IMPORT, day("2026-03-07"), day("2026-03-08"))
                .build();
        assertThat(twoDays.size()).isEqualTo(96 + 92);
        assertThat(twoDays.localDate(95)).hasToString("2026-03-07");
        assertThat(twoDays.localDate(96)).hasToString("2026-03-08");
        assertThat(twoDays.profileSlot(96 + 8)).isEqualTo(12);
        assertThat(twoDays.localDays()).containsExactly(day("2026-03-07"), day("2026-03-08"));
    }

    @Test
    void showsNoValuesInToString() {
        IntervalSeries series =
                DayData.constant("2026-03-10", 123456, ReadingQuality.RAW).series();
        assertThat(series.toString()).doesNotContain("123456").contains("96 of 96 present");
    }

    @Test
    void refusesToReadAMissingSlot() {
        IntervalSeries series =
                DayData.constant("2026-03-10", 1, ReadingQuality.RAW).missing(4).series();
        assertThatThrownBy(() -> series.value(4)).hasMessageContaining("missing");
        assertThat(series.reading(4)).isEmpty();
    }
}
