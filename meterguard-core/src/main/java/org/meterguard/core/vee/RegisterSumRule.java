package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.TimeRange;

/**
 * Compares, for each pair of consecutive register reads within the series, the register's advance with the sum of
 * the intervals between the two reads; a difference above {@code registerTolerance} fails every interval of the
 * span, since which of them is wrong cannot be told. Delta channels only. A pair is not compared (a warning says
 * why) when a read is off the interval grid or an interval between them is missing; estimates and edits count
 * into the sum as the values that will be billed.
 */
final class RegisterSumRule implements ValidationRule {
    static final String NAME = "register-sum";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<Finding> findings = new ArrayList<>();
        List<RegisterRead> reads = context.registerReads();
        if (!series.isDelta()) {
            return findings;
        }
        for (int k = 1; k < reads.size(); k++) {
            RegisterRead from = reads.get(k - 1);
            RegisterRead to = reads.get(k);
            if (to.at().isAfter(from.at()) && within(series.span(), from, to)) {
                compare(series, from, to, context.config().registerTolerance()).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static boolean within(TimeRange span, RegisterRead from, RegisterRead to) {
        return !from.at().isBefore(span.from()) && !to.at().isAfter(span.to());
    }

    private static Optional<Finding> compare(
            IntervalSeries series, RegisterRead from, RegisterRead to, long tolerance) {
        IntervalGrid grid = new IntervalGrid(series.interval());
        String reads = "register reads at " + series.describe(from.at()) + " and " + series.describe(to.at());
        if (!grid.isAligned(from.at()) || !grid.isAligned(to.at())) {
            return Optional.of(Finding.warning(
                    NAME, from.at(), 1, reads + " are not on the " + series.interval() + " grid; not compared"));
        }
        int first = slotAt(series, from.at());
        int count = slotAt(series, to.at()) - first;
        long sum = 0;
        for (int i = first; i < first + count; i++) {
            if (!series.isPresent(i)) {
                return Optional.of(
                        Finding.warning(NAME, from.at(), count, reads + ": not compared, intervals missing"));
            }
            sum = Arithmetic.addSaturated(sum, series.value(i));
        }
        long advance = Arithmetic.subtractSaturated(to.value(), from.value());
        long difference = advance >= sum
                ? Arithmetic.subtractSaturated(advance, sum)
                : Arithmetic.subtractSaturated(sum, advance);
        if (difference <= tolerance) {
            return Optional.empty();
        }
        return Optional.of(Finding.error(
                NAME,
                from.at(),
                count,
                reads + ": the register advanced " + advance + " but the intervals sum to " + sum + " (difference "
                        + difference + ", tolerance " + tolerance + ")"));
    }

    private static int slotAt(IntervalSeries series, Instant instant) {
        return (int) (Duration.between(series.start(0), instant).getSeconds()
                / series.interval().getSeconds());
    }
}
