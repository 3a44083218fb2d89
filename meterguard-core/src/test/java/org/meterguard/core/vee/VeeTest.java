package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;
import static org.meterguard.core.vee.DayData.LOS_ANGELES;
import static org.meterguard.core.vee.DayData.METER;
import static org.meterguard.core.vee.DayData.QUARTER_HOUR;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class VeeTest {
    private static final String TUESDAY = "2026-03-10";
    private final Vee vee = Vee.standard();
    private final VeeContext context = VeeContext.at(LATER)
            .withMaximum(5000)
            .withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)));

    @Test
    void validatesACleanDayWithoutFindingsOrRevisions() {
        VeeResult result =
                vee.run(DayData.constant(TUESDAY, 100, ReadingQuality.RAW).series(), context);

        assertThat(result.findings()).isEmpty();
        assertThat(result.revisions()).isEmpty();
        assertThat(qualities(result.series())).containsOnly(ReadingQuality.VALID);
    }

    @Test
    void marksOnlyTheValuesThatFailedQuestionable() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(10, -3, ReadingQuality.RAW)
                .set(40, 4000, ReadingQuality.RAW)
                .set(50, 6000, ReadingQuality.RAW)
                .series();

        VeeResult result = vee.run(day, context);

        assertThat(result.findings())
                .extracting(Finding::rule)
                .containsExactly("negative", "above-maximum", "spike", "spike");
        assertThat(result.series().quality(10)).isEqualTo(ReadingQuality.QUESTIONABLE);
        assertThat(result.series().quality(40)).isEqualTo(ReadingQuality.QUESTIONABLE);
        assertThat(result.series().quality(50)).isEqualTo(ReadingQuality.QUESTIONABLE);
        assertThat(result.series().quality(11)).isEqualTo(ReadingQuality.VALID);
        assertThat(result.series().value(50)).isEqualTo(6000);
        assertThat(result.revisions()).isEmpty();
    }

    @Test
    void failsEveryRawValueOfASpanWhoseRegisterDoesNotAddUp() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW).series();
        VeeContext reads = context.withRegisterReads(
                List.of(new RegisterRead(day.start(0), 0), new RegisterRead(day.start(8), 3000)));

        IntervalSeries validated = vee.run(day, reads).series();

        assertThat(qualities(validated).subList(0, 8)).containsOnly(ReadingQuality.QUESTIONABLE);
        assertThat(qualities(validated).subList(8, 96)).containsOnly(ReadingQuality.VALID);
    }

    @Test
    void neverRequalifiesOrReplacesEditsAndEstimates() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(10, -3, ReadingQuality.EDITED)
                .set(20, 9000, ReadingQuality.ESTIMATED_LINEAR)
                .set(21, 100, ReadingQuality.VALID)
                .set(22, 100, ReadingQuality.QUESTIONABLE)
                .missingRange(40, 50)
                .set(45, 9999, ReadingQuality.EDITED)
                .series();

        VeeResult result = vee.run(day, context.withConfig(VeeConfig.DEFAULTS.withEstimateQuestionable(true)));

        IntervalSeries after = result.series();
        assertThat(after.value(10)).isEqualTo(-3);
        assertThat(after.quality(10)).isEqualTo(ReadingQuality.EDITED);
        assertThat(after.value(20)).isEqualTo(9000);
        assertThat(after.quality(20)).isEqualTo(ReadingQuality.ESTIMATED_LINEAR);
        assertThat(after.value(45)).isEqualTo(9999);
        assertThat(after.quality(45)).isEqualTo(ReadingQuality.EDITED);
        assertThat(result.findings())
                .extracting(Finding::intervalStart)
                .doesNotContain(day.start(10), day.start(20), day.start(45));
        assertThat(result.revisions())
                .extracting(Revision::intervalStart)
                .doesNotContain(day.start(10), day.start(20), day.start(45));
    }

    @Test
    void keepsAnEditThroughALaterRun() {
        IntervalSeries day = DayData.constant(TUESDAY, 100, ReadingQuality.RAW)
                .set(30, 8000, ReadingQuality.RAW)
                .series();
        IntervalSeries firstRun = vee.run(day, context).series();
        IntervalSeries edited = Vee.edit(
                        firstRun, List.of(new Edit(day.start(30), 7000, "j.doe", LATER, "confirmed by site visit")))
                .series();

        VeeResult secondRun = vee.run(edited, context.withConfig(VeeConfig.DEFAULTS.withEstimateQuestionable(true)));

        assertThat(secondRun.series().value(30)).isEqualTo(7000);
        assertThat(secondRun.series().quality(30)).isEqualTo(ReadingQuality.EDITED);
        assertThat(secondRun.findings()).isEmpty();
    }

    @Test
    void findsNoGapOnACompleteSpringForwardDay() {
        VeeResult result =
                vee.run(DayData.constant("2026-03-08", 100, ReadingQuality.RAW).series(), context);

        assertThat(result.series().size()).isEqualTo(92);
        assertThat(result.findings()).isEmpty();
        assertThat(qualities(result.series())).containsOnly(ReadingQuality.VALID);
    }

    @Test
    void completesAFallBackDayLoadedAs96Slots() {
        LocalDay fallBack = DayData.day("2026-11-01");
        long[] values = new long[96];
        boolean[] present = new boolean[96];
        ReadingQuality[] qualities = new ReadingQuality[96];
        Arrays.fill(values, 100);
        Arrays.fill(present, true);
        Arrays.fill(qualities, ReadingQuality.RAW);
        IntervalSeries naive = IntervalSeries.of(
                METER,
                Channel.ACTIVE_ENERGY_IMPORT,
                LOS_ANGELES,
                QUARTER_HOUR,
                fallBack.first(),
                values,
                present,
                qualities);
        VeeContext sundays = context.withProfile(TypicalProfile.fromHistory(DayData.history("2026-11-01", 100, 0)));

        VeeResult result = vee.run(naive, sundays);

        assertThat(result.series().size()).isEqualTo(100);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("gap");
            assertThat(f.intervalStart()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
            assertThat(f.intervals()).isEqualTo(4);
        });
        assertThat(result.revisions())
                .hasSize(4)
                .allMatch(r -> r.newQuality() == ReadingQuality.ESTIMATED_REFERENCE_DAY);
        assertThat(result.series().readings()).hasSize(100);
    }

    private static List<ReadingQuality> qualities(IntervalSeries series) {
        return IntStream.range(0, series.size()).mapToObj(series::quality).toList();
    }
}
