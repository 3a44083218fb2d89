package org.meterguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeterIdTest {

    @Test
    void acceptsBadgeNumbers() {
        assertThat(MeterId.of("MG-DEMO-0001").value()).isEqualTo("MG-DEMO-0001");
    }

    @Test
    void rejectsIdsThatCouldCarryAnythingElse() {
        assertThatThrownBy(() -> MeterId.of("")).hasMessageContaining("invalid meter id ''");
        assertThatThrownBy(() -> MeterId.of("a/b")).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> MeterId.of("x".repeat(33))).hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> MeterId.of(null)).hasMessageContaining("null");
    }
}
