package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds values far above the meter's typical value for their profile slot and day type: above {@code
 * spikeRatioPercent} of typical and more than {@code spikeFloor} above it. The floor keeps a near-zero typical
 * value (a vacant house at night) from flagging every ordinary load. Finds nothing without a profile, nor at slots
 * the profile has too few samples for.
 */
final class SpikeRule implements ValidationRule {
    static final String NAME = "spike";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(IntervalSeries series, VeeContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.profile().isEmpty()) {
            return findings;
        }
        TypicalProfile profile = context.profile().get();
        profile.requireFits(series);
        for (int i = 0; i < series.size(); i++) {
            if (!series.isMeasured(i)) {
                continue;
            }
            OptionalLong typical = profile.typical(series.dayType(i), series.profileSlot(i));
            if (typical.isPresent() && isSpike(series.value(i), typical.getAsLong(), context.config())) {
                findings.add(Finding.error(NAME, series.start(i), 1, detail(series, i, typical.getAsLong(), context)));
            }
        }
        return findings;
    }

    static boolean isSpike(long value, long typical, VeeConfig config) {
        boolean aboveRatio = Arithmetic.multiplySaturated(value, 100)
                > Arithmetic.multiplySaturated(typical, config.spikeRatioPercent());
        return aboveRatio && Arithmetic.subtractSaturated(value, typical) > config.spikeFloor();
    }

    private static String detail(IntervalSeries series, int i, long typical, VeeContext context) {
        VeeConfig config = context.config();
        return "value " + series.value(i) + " at " + series.describe(i) + " is above " + config.spikeRatioPercent()
                + "% of the typical " + typical + " for a " + series.dayType(i) + " at that time and more than "
                + config.spikeFloor() + " above it";
    }
}
