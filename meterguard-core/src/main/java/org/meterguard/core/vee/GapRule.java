package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Finds runs of missing intervals across the whole local days a series touches, up to {@code now}. */
final class GapRule implements ValidationRule {
    static final String NAME = "gap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<LocalDay> days = series.localDays();
        Instant from = days.get(0).first();
        Duration interval = series.interval();
        long expected = Duration.between(from, days.get(days.size() - 1).end()).getSeconds() / interval.getSeconds();
        List<Finding> findings = new ArrayList<>();
        int runLength = 0;
        for (int k = 0; k <= expected; k++) {
            Instant start = from.plus(interval.multipliedBy(k));
            boolean ended = k < expected && !start.plus(interval).isAfter(context.now());
            if (ended && isMissing(series, start)) {
                runLength++;
            } else if (runLength > 0) {
                findings.add(gap(series, start.minus(interval.multipliedBy(runLength)), runLength));
                runLength = 0;
            }
        }
        return findings;
    }

    private static boolean isMissing(IntervalSeries series, Instant start) {
        return series.indexOf(start).stream().noneMatch(series::isPresent);
    }

    private static Finding gap(IntervalSeries series, Instant first, int length) {
        String detail = length + (length == 1 ? " interval" : " intervals") + " missing from " + series.describe(first);
        return Finding.error(NAME, first, length, detail);
    }
}
