package org.meterguard.core.grid;

/**
 * ANSI C84.1 service voltage ranges for a nominal voltage, in tenths of a volt (the store's voltage unit). On a
 * 120 V base, range A (normal) is 114–126 V and range B (infrequent, tolerable) is 110–127 V; other nominal
 * voltages scale by the same ratios (0.95–1.05 for A; 110/120–127/120 for B), rounded to the nearest tenth.
 */
public record ServiceVoltageRanges(int nominalVolts, long aLow, long aHigh, long bLow, long bHigh) {
    /** Where a measured voltage lies. */
    public enum Band {
        /** Inside range A: normal service. */
        RANGE_A,
        /** Outside range A but inside range B: tolerable if infrequent, to be corrected. */
        RANGE_B,
        /** Outside range B: corrective action needed promptly. */
        OUTSIDE_B
    }

    /** The ranges for a nominal service voltage in volts, e.g. 120 or 240. */
    public static ServiceVoltageRanges forNominal(int nominalVolts) {
        if (nominalVolts <= 0) {
            throw new IllegalArgumentException("invalid nominal voltage " + nominalVolts + " V");
        }
        long tenths = nominalVolts * 10L;
        return new ServiceVoltageRanges(
                nominalVolts,
                scaled(tenths, 114, 120),
                scaled(tenths, 126, 120),
                scaled(tenths, 110, 120),
                scaled(tenths, 127, 120));
    }

    private static long scaled(long tenths, long numerator, long denominator) {
        return Math.round((double) (tenths * numerator) / denominator);
    }

    /** The band of a voltage measured in tenths of a volt. */
    public Band classify(long decivolts) {
        if (decivolts >= aLow && decivolts <= aHigh) {
            return Band.RANGE_A;
        }
        if (decivolts >= bLow && decivolts <= bHigh) {
            return Band.RANGE_B;
        }
        return Band.OUTSIDE_B;
    }
}
