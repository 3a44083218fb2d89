package org.meterguard.core.vee;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the VEE rules. {@link #DEFAULTS} suit 15-minute residential energy in Wh; values are in the
 * channel's unit and per interval.
 *
 * @param maxLinearGap the longest gap filled by linear interpolation (default 1 hour: 4 quarter-hours); longer gaps,
 *     and gaps without a usable value on both sides, are filled from the typical profile
 * @param estimateQuestionable whether questionable values are replaced by estimates too (default false: a failed
 *     check asks a person to look before the meter's value is replaced)
 * @param spikeRatioPercent a value is a spike only above this percentage of its typical value (default 500: five
 *     times typical); at least 100
 * @param spikeFloor and only when it exceeds its typical value by more than this (default 1000, 1 kWh in a quarter
 *     hour, a 4 kW average), so that near-zero profiles do not flag every ordinary load
 * @param registerTolerance the largest accepted difference between a register's advance and the sum of the
 *     intervals between its two reads (default 1000: the last digit of a kWh register shown in Wh)
 */
public record VeeConfig(
        Duration maxLinearGap,
        boolean estimateQuestionable,
        int spikeRatioPercent,
        long spikeFloor,
        long registerTolerance) {
    /** The defaults described above. */
    public static final VeeConfig DEFAULTS = new VeeConfig(Duration.ofHours(1), false, 500, 1000, 1000);

    public VeeConfig {
        Objects.requireNonNull(maxLinearGap, "maxLinearGap");
        if (maxLinearGap.isNegative()) {
            throw new IllegalArgumentException("maxLinearGap " + maxLinearGap + " is negative");
        }
        if (spikeRatioPercent < 100) {
            throw new IllegalArgumentException(
                    "spikeRatioPercent " + spikeRatioPercent + " is below 100; a spike lies above typical");
        }
        if (spikeFloor < 0 || registerTolerance < 0) {
            throw new IllegalArgumentException("spikeFloor " + spikeFloor + " and registerTolerance "
                    + registerTolerance + " must not be negative");
        }
    }

    public VeeConfig withMaxLinearGap(Duration gap) {
        return new VeeConfig(gap, estimateQuestionable, spikeRatioPercent, spikeFloor, registerTolerance);
    }

    public VeeConfig withEstimateQuestionable(boolean estimate) {
        return new VeeConfig(maxLinearGap, estimate, spikeRatioPercent, spikeFloor, registerTolerance);
    }

    public VeeConfig withSpike(int ratioPercent, long floor) {
        return new VeeConfig(maxLinearGap, estimateQuestionable, ratioPercent, floor, registerTolerance);
    }

    public VeeConfig withRegisterTolerance(long tolerance) {
        return new VeeConfig(maxLinearGap, estimateQuestionable, spikeRatioPercent, spikeFloor, tolerance);
    }

    /** The longest gap filled linearly, in whole intervals of {@code interval}. */
    int maxLinearSlots(Duration interval) {
        return (int) Math.min(Integer.MAX_VALUE, maxLinearGap.getSeconds() / interval.getSeconds());
    }
}
