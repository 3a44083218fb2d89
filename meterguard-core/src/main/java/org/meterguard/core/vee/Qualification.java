package org.meterguard.core.vee;

import java.util.List;
import java.util.OptionalInt;
import org.meterguard.core.ReadingQuality;

/**
 * Turns findings into qualities: a raw value that an error finding covers becomes questionable, any other raw
 * value valid. No other quality changes, and no value.
 */
final class Qualification {
    private Qualification() {}

    static IntervalSeries apply(IntervalSeries series, List<Finding> findings) {
        boolean[] failed = failedSlots(series, findings);
        Draft draft = new Draft(series);
        for (int i = 0; i < series.size(); i++) {
            if (series.isPresent(i) && series.quality(i) == ReadingQuality.RAW) {
                draft.requalify(i, failed[i] ? ReadingQuality.QUESTIONABLE : ReadingQuality.VALID);
            }
        }
        return draft.toSeries();
    }

    private static boolean[] failedSlots(IntervalSeries series, List<Finding> findings) {
        boolean[] failed = new boolean[series.size()];
        for (Finding finding : findings) {
            OptionalInt first = series.indexOf(finding.intervalStart());
            if (finding.severity() != Severity.ERROR || first.isEmpty()) {
                continue;
            }
            int end = Math.min(series.size(), first.getAsInt() + finding.intervals());
            for (int i = first.getAsInt(); i < end; i++) {
                failed[i] = true;
            }
        }
        return failed;
    }
}
