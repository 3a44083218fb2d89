package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArithmeticTest {

    @Test
    void roundsHalvesUpAndEverythingElseToTheNearestInteger() {
        assertThat(Arithmetic.divideHalfUp(21, 2)).isEqualTo(11);
        assertThat(Arithmetic.divideHalfUp(-21, 2)).isEqualTo(-10);
        assertThat(Arithmetic.divideHalfUp(10, 3)).isEqualTo(3);
        assertThat(Arithmetic.divideHalfUp(11, 3)).isEqualTo(4);
        assertThat(Arithmetic.divideHalfUp(-10, 3)).isEqualTo(-3);
        assertThat(Arithmetic.divideHalfUp(-11, 3)).isEqualTo(-4);
    }

    @Test
    void saturatesInsteadOfOverflowing() {
        assertThat(Arithmetic.multiplySaturated(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.multiplySaturated(Long.MIN_VALUE / 2, 3)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arithmetic.multiplySaturated(-4, 5)).isEqualTo(-20);
        assertThat(Arithmetic.subtractSaturated(Long.MAX_VALUE, -1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.subtractSaturated(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arithmetic.addSaturated(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.addSaturated(7, -9)).isEqualTo(-2);
    }
}
