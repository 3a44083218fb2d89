package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;

/** Finds values above the meter channel's configured maximum per interval; finds nothing without one. */
final class MaximumRule implements ValidationRule {
    static final String NAME = "above-maximum";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.maximum().isEmpty()) {
            return findings;
        }
        long maximum = context.maximum().getAsLong();
        for (int i = 0; i < series.size(); i++) {
            if (series.isMeasured(i) && series.value(i) > maximum) {
                findings.add(Finding.error(
                        NAME,
                        series.start(i),
                        1,
                        "value " + series.value(i) + " at " + series.describe(i) + " is above the maximum " + maximum
                                + " per interval"));
            }
        }
        return findings;
    }
}
