package org.meterguard.core.vee;

/**
 * Integer arithmetic with one documented rounding, so that every estimate is reproducible, and saturating
 * operations, so that an absurd meter value fails a check instead of overflowing it.
 */
final class Arithmetic {
    private Arithmetic() {}

    /**
     * {@code numerator / denominator} rounded to the nearest integer, halves rounded up (toward positive infinity):
     * 10.5 gives 11, -10.5 gives -10. The denominator must be positive.
     */
    static long divideHalfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator " + denominator + " is not positive");
        }
        long quotient = Math.floorDiv(numerator, denominator);
        long remainder = Math.floorMod(numerator, denominator);
        return remainder >= denominator - remainder ? quotient + 1 : quotient;
    }

    /** {@code a × b}, or the nearest long where the product does not fit. */
    static long multiplySaturated(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        return high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** {@code a + b}, or the nearest long where the sum does not fit. */
    static long addSaturated(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** {@code a − b}, or the nearest long where the difference does not fit. */
    static long subtractSaturated(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return difference;
    }
}
