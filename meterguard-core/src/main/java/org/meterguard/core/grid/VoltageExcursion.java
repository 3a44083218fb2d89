package org.meterguard.core.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.meterguard.core.IntervalReading;

/**
 * A run of consecutive voltage readings outside range A: from the first such interval's start to the last one's
 * end, its worst band, and its lowest and highest values (tenths of a volt).
 */
public record VoltageExcursion(
        Instant start, Instant end, ServiceVoltageRanges.Band worst, long lowest, long highest, int intervals) {
    public VoltageExcursion {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(worst, "worst");
    }

    /**
     * The excursions in {@code readings} (one voltage channel, time order, each lasting {@code intervalSeconds}).
     * A missing interval ends a run.
     */
    public static List<VoltageExcursion> find(
            List<IntervalReading> readings, long intervalSeconds, ServiceVoltageRanges ranges) {
        List<VoltageExcursion> found = new ArrayList<>();
        Run run = null;
        for (IntervalReading reading : readings) {
            ServiceVoltageRanges.Band band = ranges.classify(reading.value());
            boolean contiguous = run != null && run.end.equals(reading.start());
            if (run != null && (band == ServiceVoltageRanges.Band.RANGE_A || !contiguous)) {
                found.add(run.excursion());
                run = null;
            }
            if (band != ServiceVoltageRanges.Band.RANGE_A) {
                run = run == null ? new Run(reading.start()) : run;
                run.add(reading, band, intervalSeconds);
            }
        }
        if (run != null) {
            found.add(run.excursion());
        }
        return found;
    }

    private static final class Run {
        private final Instant start;
        private Instant end;
        private ServiceVoltageRanges.Band worst = ServiceVoltageRanges.Band.RANGE_B;
        private long lowest = Long.MAX_VALUE;
        private long highest = Long.MIN_VALUE;
        private int intervals;

        Run(Instant start) {
            this.start = start;
            this.end = start;
        }

        void add(IntervalReading reading, ServiceVoltageRanges.Band band, long intervalSeconds) {
            end = reading.start().plusSeconds(intervalSeconds);
            worst = band.compareTo(worst) > 0 ? band : worst;
            lowest = Math.min(lowest, reading.value());
            highest = Math.max(highest, reading.value());
            intervals++;
        }

        VoltageExcursion excursion() {
            return new VoltageExcursion(start, end, worst, lowest, highest, intervals);
        }
    }
}
