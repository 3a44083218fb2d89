package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.vee.DayData.LATER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

class VeeReportTest {
    private final Vee vee = Vee.standard();
    private final VeeContext context = VeeContext.at(LATER).withMaximum(5000);

    @Test
    void countsGapsEstimatesAndFailedChecksPerMeterAndRule() {
        VeeResult gappy = vee.run(
                DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                        .meter("B-2")
                        .missing(10, 11, 30)
                        .series(),
                context);
        VeeResult gappyNextDay = vee.run(
                DayData.constant("2026-03-11", 100, ReadingQuality.RAW)
                        .meter("B-2")
                        .missing(5)
                        .set(6, -1, ReadingQuality.RAW)
                        .series(),
                context);
        VeeResult failing = vee.run(
                DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                        .meter("A-1")
                        .set(1, 6000, ReadingQuality.RAW)
                        .set(2, 7000, ReadingQuality.RAW)
                        .set(3, -5, ReadingQuality.RAW)
                        .series(),
                context);
        VeeResult clean = vee.run(
                DayData.constant("2026-03-10", 100, ReadingQuality.RAW)
                        .meter("C-3")
                        .series(),
                context);

        VeeReport report = VeeReport.of(List.of(gappy, failing, clean, gappyNextDay));

        assertThat(report.meters())
                .extracting(MeterSummary::meterId)
                .containsExactly(MeterId.of("A-1"), MeterId.of("B-2"), MeterId.of("C-3"));
        assertThat(report.metersWithGaps()).containsExactly(MeterId.of("B-2"));
        assertThat(report.metersWithEstimates()).containsExactly(MeterId.of("B-2"));
        assertThat(report.metersWithFailedChecks()).containsExactly(MeterId.of("A-1"), MeterId.of("B-2"));
        MeterSummary b = report.meter(MeterId.of("B-2")).orElseThrow();
        assertThat(b.gapIntervals()).isEqualTo(4);
        // The second day's gap lies next to a questionable value, so with no profile it stays unestimated.
        assertThat(b.estimatedIntervals()).isEqualTo(3);
        assertThat(b.failedChecks()).containsExactly(java.util.Map.entry("negative", 1));
        MeterSummary a = report.meter(MeterId.of("A-1")).orElseThrow();
        assertThat(a.failedChecks())
                .containsExactly(java.util.Map.entry("above-maximum", 2), java.util.Map.entry("negative", 1));
        assertThat(a.gapIntervals()).isZero();
        assertThat(report.meter(MeterId.of("C-3")).orElseThrow().failedChecks()).isEmpty();
    }
}
