package org.meterguard.core.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.ReadingQuality;

class ServiceVoltageRangesTest {
    @Test
    void ansiC841RangesOnA120VoltAndA240VoltBase() {
        assertThat(ServiceVoltageRanges.forNominal(120))
                .isEqualTo(new ServiceVoltageRanges(120, 1140, 1260, 1100, 1270));
        assertThat(ServiceVoltageRanges.forNominal(240))
                .isEqualTo(new ServiceVoltageRanges(240, 2280, 2520, 2200, 2540));
    }

    @Test
    void classifiesTheEdgesInclusively() {
        ServiceVoltageRanges ranges = ServiceVoltageRanges.forNominal(120);
        assertThat(ranges.classify(1140)).isEqualTo(ServiceVoltageRanges.Band.RANGE_A);
        assertThat(ranges.classify(1139)).isEqualTo(ServiceVoltageRanges.Band.RANGE_B);
        assertThat(ranges.classify(1270)).isEqualTo(ServiceVoltageRanges.Band.RANGE_B);
        assertThat(ranges.classify(1271)).isEqualTo(ServiceVoltageRanges.Band.OUTSIDE_B);
        assertThat(ranges.classify(1099)).isEqualTo(ServiceVoltageRanges.Band.OUTSIDE_B);
    }

    @Test
    void consecutiveIntervalsOutsideRangeAFormOneExcursionAndAGapEndsIt() {
        Instant t = Instant.parse("2026-07-01T00:00:00Z");
        long[] volts = {1200, 1265, 1275, 1262, 1200, 1130};
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < volts.length; i++) {
            readings.add(new IntervalReading(t.plusSeconds(900L * i), volts[i], ReadingQuality.RAW));
        }
        readings.add(new IntervalReading(t.plusSeconds(900L * 8), 1135, ReadingQuality.RAW)); // after a gap

        List<VoltageExcursion> found = VoltageExcursion.find(readings, 900, ServiceVoltageRanges.forNominal(120));

        assertThat(found)
                .containsExactly(
                        new VoltageExcursion(
                                t.plusSeconds(900),
                                t.plusSeconds(3600),
                                ServiceVoltageRanges.Band.OUTSIDE_B,
                                1262,
                                1275,
                                3),
                        new VoltageExcursion(
                                t.plusSeconds(4500),
                                t.plusSeconds(5400),
                                ServiceVoltageRanges.Band.RANGE_B,
                                1130,
                                1130,
                                1),
                        new VoltageExcursion(
                                t.plusSeconds(7200),
                                t.plusSeconds(8100),
                                ServiceVoltageRanges.Band.RANGE_B,
                                1135,
                                1135,
                                1));
    }
}
