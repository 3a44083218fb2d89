package org.meterguard.core.vee;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.meterguard.core.MeterId;

/**
 * What VEE found for one meter over the results reported on.
 *
 * @param meterId the meter
 * @param gapIntervals intervals the gap check found missing, before estimation
 * @param estimatedIntervals values VEE estimated
 * @param failedChecks error findings per rule name, gaps aside, in name order
 */
public record MeterSummary(
        MeterId meterId, int gapIntervals, int estimatedIntervals, SortedMap<String, Integer> failedChecks) {
    public MeterSummary {
        Objects.requireNonNull(meterId, "meterId");
        failedChecks = Collections.unmodifiableSortedMap(new TreeMap<>(failedChecks));
    }

    /** True where a check other than the gap check failed. */
    public boolean hasFailedChecks() {
        return !failedChecks.isEmpty();
    }
}
