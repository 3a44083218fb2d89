package org.meterguard.core.vee;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.meterguard.core.MeterId;

/**
 * A summary of many VEE results: per meter, the missing intervals found, the values estimated and the failed
 * checks per rule, and which meters had any. Results of the same meter (other channels, other days) add up.
 */
public final class VeeReport {
    private final List<MeterSummary> meters;

    private VeeReport(List<MeterSummary> meters) {
        this.meters = List.copyOf(meters);
    }

    /** The report of {@code results}. */
    public static VeeReport of(Collection<VeeResult> results) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (VeeResult result : results) {
            tallies.computeIfAbsent(result.meterId().value(), id -> new Tally(result.meterId()))
                    .add(result);
        }
        return new VeeReport(tallies.values().stream().map(Tally::summary).toList());
    }

    /** Every meter reported on, in meter id order. */
    public List<MeterSummary> meters() {
        return meters;
    }

    /** The summary of {@code meterId}, if it was reported on. */
    public Optional<MeterSummary> meter(MeterId meterId) {
        return meters.stream().filter(m -> m.meterId().equals(meterId)).findFirst();
    }

    /** Meters with missing intervals. */
    public List<MeterId> metersWithGaps() {
        return select(m -> m.gapIntervals() > 0);
    }

    /** Meters with estimated values. */
    public List<MeterId> metersWithEstimates() {
        return select(m -> m.estimatedIntervals() > 0);
    }

    /** Meters where a check other than the gap check failed. */
    public List<MeterId> metersWithFailedChecks() {
        return select(MeterSummary::hasFailedChecks);
    }

    private List<MeterId> select(Predicate<MeterSummary> condition) {
        return meters.stream().filter(condition).map(MeterSummary::meterId).toList();
    }

    /** Running counts for one meter. */
    private static final class Tally {
        private final MeterId meterId;
        private final SortedMap<String, Integer> failedChecks = new TreeMap<>();
        private int gapIntervals;
        private int estimatedIntervals;

        Tally(MeterId meterId) {
            this.meterId = meterId;
        }

        void add(VeeResult result) {
            for (Finding finding : result.findings()) {
                if (finding.rule().equals(GapRule.NAME)) {
                    gapIntervals += finding.intervals();
                } else if (finding.severity() == Severity.ERROR) {
                    failedChecks.merge(finding.rule(), 1, Integer::sum);
                }
            }
            estimatedIntervals += (int) result.revisions().stream()
                    .filter(r -> r.actor().equals(Revision.VEE))
                    .count();
        }

        MeterSummary summary() {
            return new MeterSummary(meterId, gapIntervals, estimatedIntervals, failedChecks);
        }
    }
}
