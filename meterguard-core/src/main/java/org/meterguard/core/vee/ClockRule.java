package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.IntervalReading;

/**
 * Finds values a wrong meter clock produced: readings whose start is off the interval grid, values for intervals
 * that start after {@code now}, and values the meter itself flagged as recorded while its clock was invalid.
 */
final class ClockRule implements ValidationRule {
    static final String NAME = "clock";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<Finding> findings = new ArrayList<>();
        for (IntervalReading reading : series.offGridReadings()) {
            findings.add(Finding.error(
                    NAME,
                    reading.start(),
                    1,
                    "reading starts at " + series.describe(reading.start()) + ", off the " + series.interval()
                            + " grid"));
        }
        for (int i = 0; i < series.size(); i++) {
            if (!series.isMeasured(i)) {
                continue;
            }
            if (series.start(i).isAfter(context.now())) {
                findings.add(Finding.error(
                        NAME,
                        series.start(i),
                        1,
                        "value for the interval starting " + series.describe(i) + ", after now ("
                                + series.describe(context.now()) + ")"));
            }
            if (context.clockInvalid().contains(series.start(i))) {
                findings.add(Finding.error(
                        NAME,
                        series.start(i),
                        1,
                        "the meter flagged the interval starting " + series.describe(i)
                                + " as recorded with an invalid clock"));
            }
        }
        return findings;
    }
}
