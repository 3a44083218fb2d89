package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvocationCounterTest {
    @Test
    void advancesByOne() {
        assertThat(new InvocationCounter(41).next()).isEqualTo(new InvocationCounter(42));
    }

    @Test
    void refusesToAdvancePastTheLastValue() {
        InvocationCounter last = new InvocationCounter(0xFFFFFFFFL);

        assertThatThrownBy(last::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("4294967295");
    }

    @Test
    void rejectsValuesOutsideThirtyTwoBitsNamingThem() {
        assertThatThrownBy(() -> new InvocationCounter(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new InvocationCounter(0x1_0000_0000L)).hasMessageContaining("4294967296");
    }

    @Test
    void isAfterOnlyWhenStrictlyGreater() {
        InvocationCounter five = new InvocationCounter(5);

        assertThat(five.isAfter(new InvocationCounter(4))).isTrue();
        assertThat(five.isAfter(new InvocationCounter(5))).isFalse();
        assertThat(five.isAfter(new InvocationCounter(6))).isFalse();
        assertThat(new InvocationCounter(0xFFFFFFFFL).isAfter(InvocationCounter.ZERO))
                .isTrue();
    }

    @Test
    void encodesFourBigEndianBytes() {
        assertThat(new InvocationCounter(0x01234567L).toBytes()).containsExactly(0x01, 0x23, 0x45, 0x67);
        assertThat(new InvocationCounter(0xFFFFFFFEL).toBytes()).containsExactly(0xFF, 0xFF, 0xFF, 0xFE);
    }
}
