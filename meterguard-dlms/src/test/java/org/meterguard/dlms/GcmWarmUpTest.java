package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcmWarmUpTest {
    @Test
    void sealsAndOpensMessagesWithinItsBudget() {
        assertThat(GcmWarmUp.run(200_000_000L)).isPositive();
    }

    @Test
    void doesNothingWithoutABudget() {
        assertThat(GcmWarmUp.run(0)).isZero();
    }

    @Test
    void stopsWhenItsThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThat(GcmWarmUp.run(60_000_000_000L)).isZero();
        } finally {
            assertThat(Thread.interrupted())
                    .as("the interrupt is left for the caller")
                    .isTrue();
        }
    }
}
