package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.meterguard.core.ReadingQuality;

class EstimationTest {
    private static final String TUESDAY = "2026-03-10";
    private final Vee vee = Vee.standard();
    private final VeeContext context = VeeContext.at(LATER);

    @Test
    void interpolatesAShortGapRoundingHalvesUp() {
        IntervalSeries day = valid().set(9, 10, ReadingQuality.VALID)
                .missing(10)
                .set(11, 11, ReadingQuality.VALID)
                .set(19, 0, ReadingQuality.VALID)
                .missing(20, 21, 22)
                .set(23, 2, ReadingQuality.VALID)
                .set(29, 2, ReadingQuality.VALID)
                .missing(30, 31, 32)
                .set(33, 0, ReadingQuality.VALID)
                .series();

        IntervalSeries estimated = vee.estimate(day, context).series();

        assertThat(estimated.value(10)).isEqualTo(11); // 10.5
        assertThat(values(estimated, 20, 23)).containsExactly(1L, 1L, 2L); // 0.5, 1, 1.5
        assertThat(values(estimated, 30, 33)).containsExactly(2L, 1L, 1L); // 1.5, 1, 0.5
        assertThat(estimated.quality(21)).isEqualTo(ReadingQuality.ESTIMATED_LINEAR);
        assertThat(ReadingQuality.ESTIMATED_LINEAR.espiCode()).isEqualTo(9);
    }

    @Test
    void recordsEachEstimateAsARevisionByVee() {
        IntervalSeries day = valid().missing(10).series();

        VeeResult result = vee.estimate(day, context);

        assertThat(result.revisions()).singleElement().satisfies(r -> {
            assertThat(r.intervalStart()).isEqualTo(day.start(10));
            assertThat(r.originalMissing()).isTrue();
            assertThat(r.originalQuality()).isEmpty();
            assertThat(r.newValue()).isEqualTo(100);
            assertThat(r.newQuality()).isEqualTo(ReadingQuality.ESTIMATED_LINEAR);
            assertThat(r.actor()).isEqualTo("VEE");
            assertThat(r.at()).isEqualTo(LATER);
            assertThat(r.reason()).startsWith("linear interpolation");
        });
    }

    @Test
    void fillsAGapLongerThanTheLinearLimitFromTheScaledProfile() {
        // Typical 100 + 2 per slot; this day runs at twice typical, so its estimates do too.
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 2)));
        IntervalSeries day = DayData.shaped(TUESDAY, 200, 4, ReadingQuality.VALID)
                .missingRange(40, 45)
                .series();

        VeeResult result = vee.estimate(day, withProfile);

        assertThat(values(result.series(), 40, 45)).containsExactly(360L, 364L, 368L, 372L, 376L);
        assertThat(result.series().quality(40)).isEqualTo(ReadingQuality.ESTIMATED_REFERENCE_DAY);
        assertThat(result.revisions()).hasSize(5).allMatch(r -> r.reason().startsWith("reference day"));
    }

    @Test
    void roundsScaledEstimatesHalfUp() {
        // Typical 10 everywhere; the day's 90 valid values sum to 945 where typical sums to 900: 10 × 1.05 = 10.5.
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 10, 0)));
        IntervalSeries day = DayData.constant(TUESDAY, 10, ReadingQuality.VALID)
                .set(0, 55, ReadingQuality.VALID)
                .missingRange(40, 46)
                .series();

        IntervalSeries estimated = vee.estimate(day, withProfile).series();

        assertThat(values(estimated, 40, 46)).containsOnly(11L);
    }

    @Test
    void usesTheProfileUnscaledWhenTooFewValuesSetTheDaysLevel() {
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)));
        DayData data = DayData.constant(TUESDAY, 500, ReadingQuality.VALID).missingRange(0, 93);

        IntervalSeries estimated = vee.estimate(data.series(), withProfile).series();

        assertThat(estimated.value(0)).isEqualTo(100);
    }

    @Test
    void fillsAShortGapAtTheSeriesEdgeFromTheProfile() {
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)));
        IntervalSeries day = valid().missing(0, 1).series();

        IntervalSeries estimated = vee.estimate(day, withProfile).series();

        assertThat(estimated.quality(0)).isEqualTo(ReadingQuality.ESTIMATED_REFERENCE_DAY);
    }

    @Test
    void warnsAndLeavesTheGapWhereNoTypicalValueExists() {
        IntervalSeries day = valid().missingRange(40, 50).series();

        VeeResult result = vee.estimate(day, context);

        assertThat(result.series().isPresent(45)).isFalse();
        assertThat(result.revisions()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.intervals()).isEqualTo(10);
            assertThat(f.detail()).contains("10 of 10 intervals");
        });
    }

    @Test
    void neverOverwritesEditsAndUsesThemAsNeighbours() {
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)));
        IntervalSeries day = valid().missingRange(40, 50)
                .set(45, 7, ReadingQuality.EDITED)
                .set(60, 300, ReadingQuality.EDITED)
                .missing(61)
                .series();

        VeeResult result = vee.estimate(day, withProfile);

        assertThat(result.series().value(45)).isEqualTo(7);
        assertThat(result.series().quality(45)).isEqualTo(ReadingQuality.EDITED);
        assertThat(result.revisions()).extracting(Revision::intervalStart).doesNotContain(day.start(45));
        assertThat(result.series().quality(44)).isEqualTo(ReadingQuality.ESTIMATED_REFERENCE_DAY);
        assertThat(result.series().quality(46)).isEqualTo(ReadingQuality.ESTIMATED_LINEAR);
        assertThat(result.series().value(61)).isEqualTo(200);
    }

    @Test
    void replacesQuestionableValuesOnlyWhenConfigured() {
        IntervalSeries day = valid().set(10, 9999, ReadingQuality.QUESTIONABLE).series();

        assertThat(vee.estimate(day, context).series()).isEqualTo(day);

        VeeResult replaced = vee.estimate(day, context.withConfig(VeeConfig.DEFAULTS.withEstimateQuestionable(true)));
        assertThat(replaced.series().value(10)).isEqualTo(100);
        assertThat(replaced.revisions()).singleElement().satisfies(r -> {
            assertThat(r.originalValue()).hasValue(9999);
            assertThat(r.originalQuality()).contains(ReadingQuality.QUESTIONABLE);
        });
    }

    @Test
    void doesNotEstimateIntervalsThatHaveNotEnded() {
        IntervalSeries day = valid().missingRange(80, 96).series();
        Instant now = day.start(82).plusSeconds(60);
        TypicalProfile profile = TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0));

        IntervalSeries estimated =
                vee.estimate(day, VeeContext.at(now).withProfile(profile)).series();

        assertThat(present(estimated, 80, 96)).containsExactly(80, 81);
    }

    @Test
    void honoursAConfiguredLinearLimit() {
        VeeContext withProfile = context.withProfile(TypicalProfile.fromHistory(DayData.history(TUESDAY, 100, 0)))
                .withConfig(VeeConfig.DEFAULTS.withMaxLinearGap(Duration.ofMinutes(30)));
        IntervalSeries day = valid().missing(10, 11, 12).series();

        assertThat(vee.estimate(day, withProfile).series().quality(11))
                .isEqualTo(ReadingQuality.ESTIMATED_REFERENCE_DAY);
    }

    @Test
    void interpolatesAcrossTheRepeatedHourOnFallBack() {
        IntervalSeries day = DayData.constant("2026-11-01", 100, ReadingQuality.VALID)
                .set(5, 40, ReadingQuality.VALID) // 01:15 PDT
                .missingRange(6, 10) // 01:30 PDT, 01:45 PDT, 01:00 PST, 01:15 PST
                .set(10, 90, ReadingQuality.VALID) // 01:30 PST
                .series();

        VeeResult result = vee.estimate(day, context);

        assertThat(values(result.series(), 6, 10)).containsExactly(50L, 60L, 70L, 80L);
        assertThat(result.revisions())
                .extracting(Revision::intervalStart)
                .containsExactly(
                        Instant.parse("2026-11-01T08:30:00Z"),
                        Instant.parse("2026-11-01T08:45:00Z"),
                        Instant.parse("2026-11-01T09:00:00Z"),
                        Instant.parse("2026-11-01T09:15:00Z"));
    }

    @Test
    void estimatesBothPassesOfTheRepeatedHourFromTheSameProfileSlots() {
        // Weekend profile: 10 per wall-clock slot number, from three prior Sundays.
        TypicalProfile profile = TypicalProfile.fromHistory(DayData.history("2026-11-01", 0, 10));
        IntervalSeries day = DayData.shaped("2026-11-01", 0, 10, ReadingQuality.VALID)
                .missingRange(4, 12)
                .series();

        IntervalSeries estimated =
                vee.estimate(day, context.withProfile(profile)).series();

        assertThat(values(estimated, 4, 12)).containsExactly(40L, 50L, 60L, 70L, 40L, 50L, 60L, 70L);
    }

    @Test
    void estimatesTheSpringForwardDayWithoutTheSkippedHour() {
        TypicalProfile profile = TypicalProfile.fromHistory(DayData.history("2026-03-08", 0, 10));
        IntervalSeries day = DayData.shaped("2026-03-08", 0, 10, ReadingQuality.VALID)
                .missingRange(6, 14)
                .series();

        IntervalSeries estimated =
                vee.estimate(day, context.withProfile(profile)).series();

        // 01:30, 01:45, then 03:00 follows at once.
        assertThat(values(estimated, 6, 14)).containsExactly(60L, 70L, 120L, 130L, 140L, 150L, 160L, 170L);
    }

    private static DayData valid() {
        return DayData.constant(TUESDAY, 100, ReadingQuality.VALID);
    }

    private static List<Long> values(IntervalSeries series, int from, int to) {
        return IntStream.range(from, to).mapToObj(series::value).toList();
    }

    private static List<Integer> present(IntervalSeries series, int from, int to) {
        return IntStream.range(from, to).filter(series::isPresent).boxed().toList();
    }
}
