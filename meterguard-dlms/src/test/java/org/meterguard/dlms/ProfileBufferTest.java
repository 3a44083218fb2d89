package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProfileBufferTest {
    private static final Instant T0 = Instant.parse("2024-05-01T00:15:00Z");

    @Test
    void keepsRowsInOrderAcrossGrowth() {
        ProfileBuffer.Builder builder = ProfileBuffer.builder(3);
        for (int i = 0; i < 100; i++) {
            builder.add(T0.plusSeconds(900L * i), i, -i, i * 1000L);
        }
        ProfileBuffer buffer = builder.build();

        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.columns()).isEqualTo(3);
        assertThat(buffer.capturedAt(99)).isEqualTo(T0.plusSeconds(900L * 99));
        assertThat(buffer.value(99, 0)).isEqualTo(99);
        assertThat(buffer.value(99, 1)).isEqualTo(-99);
        assertThat(buffer.value(42, 2)).isEqualTo(42_000);
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfValues() {
        assertThatThrownBy(() -> ProfileBuffer.builder(2).add(T0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values; expected 2");
    }

    @Test
    void rejectsInstantsFinerThanAMillisecond() {
        assertThatThrownBy(() -> ProfileBuffer.builder(1).add(T0.plusNanos(1), 1))
                .hasMessageContaining("millisecond");
    }

    @Test
    void checksRowAndColumnIndexes() {
        ProfileBuffer buffer = ProfileBuffer.builder(1).add(T0, 5).build();

        assertThatThrownBy(() -> buffer.value(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.value(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.capturedAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void isNotChangedByLaterBuilderUse() {
        ProfileBuffer.Builder builder = ProfileBuffer.builder(1).add(T0, 1);
        ProfileBuffer first = builder.build();
        builder.add(T0.plusSeconds(900), 2);

        assertThat(first.size()).isEqualTo(1);
        assertThat(builder.build()).isNotEqualTo(first);
        assertThat(first).isEqualTo(ProfileBuffer.builder(1).add(T0, 1).build());
    }
}
