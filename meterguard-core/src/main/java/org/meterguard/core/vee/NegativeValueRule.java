package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;

/** Finds negative values on a delta channel, where each value is energy that flowed one way in its interval. */
final class NegativeValueRule implements ValidationRule {
    static final String NAME = "negative";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<Finding> findings = new ArrayList<>();
        if (!series.isDelta()) {
            return findings;
        }
        for (int i = 0; i < series.size(); i++) {
            if (series.isMeasured(i) && series.value(i) < 0) {
                findings.add(Finding.error(
                        NAME,
                        series.start(i),
                        1,
                        "negative value " + series.value(i) + " on delta channel " + series.channel() + " at "
                                + series.describe(i)));
            }
        }
        return findings;
    }
}
