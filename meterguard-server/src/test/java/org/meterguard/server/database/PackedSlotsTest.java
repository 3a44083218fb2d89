package org.meterguard.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PackedSlotsTest {
    private static final long MISSING = Long.MIN_VALUE;

    @Test
    void valuesThatAllFitSixteenBitsArePackedNarrowWithTheirMissingSlotsMarked() {
        long[] values = {-32_767, 0, 99, 32_767};
        boolean[] present = {true, true, false, true};

        byte[] packed = pack(values, present);

        assertThat(packed).hasSize(1 + 4 * 2);
        assertThat(packed[0]).isEqualTo((byte) 2);
        assertThat(Arrays.copyOfRange(packed, 5, 7)).containsExactly(0x80, 0x00); // the narrow missing mark
        assertThat(PackedSlots.isNarrow(packed.length)).isTrue();
        assertThat(PackedSlots.slots(packed)).isEqualTo(4);
        assertThat(decoded(packed, 4)).containsExactly(-32_767, 0, MISSING, 32_767);
    }

    @Test
    void oneValueOutsideSixteenBitsOrOnTheNarrowMarkKeepsTheWholeRowWide() {
        for (long outside : new long[] {32_768, -32_768, -40_000, Integer.MAX_VALUE}) {
            byte[] packed = pack(new long[] {1, outside, 3}, new boolean[] {true, true, false});

            assertThat(packed).as("with %d", outside).hasSize(3 * 4);
            assertThat(PackedSlots.isNarrow(packed.length)).isFalse();
            assertThat(decoded(packed, 3)).containsExactly(1, outside, MISSING);
        }
    }

    @Test
    void aMissingSlotsValueDoesNotDecideTheForm() {
        byte[] packed = pack(new long[] {1, 5_000_000}, new boolean[] {true, false});

        assertThat(packed).hasSize(1 + 2 * 2);
        assertThat(decoded(packed, 2)).containsExactly(1, MISSING);
    }

    @Test
    void aValueThatFitsNoIntegerOrIsTheWideMarkIsRefusedNamingItsSlot() {
        assertThatThrownBy(() -> pack(new long[] {1, 5_000_000_000L}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5000000000")
                .hasMessageContaining("slot 1");
        assertThatThrownBy(() -> pack(new long[] {Integer.MIN_VALUE}, new boolean[] {true}))
                .hasMessageContaining("slot 0");
    }

    @Test
    void bytesInNeitherFormAreRefused() {
        assertThatThrownBy(() -> PackedSlots.slots(new byte[] {3, 0, 1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start with 3");
        assertThatThrownBy(() -> PackedSlots.slots(new byte[6])).hasMessageContaining("neither form");
        assertThatThrownBy(() -> PackedSlots.decode(
                        pack(new long[] {1, 2, 3}, new boolean[] {true, true, true}), new long[2], MISSING))
                .hasMessageContaining("3 slots");
    }

    @Test
    void decodingReadsAtAnOffsetOfALargerBuffer() {
        byte[] packed = pack(new long[] {7, -8}, new boolean[] {true, true});
        byte[] buffer = new byte[packed.length + 10];
        System.arraycopy(packed, 0, buffer, 4, packed.length);
        long[] values = new long[2];

        assertThat(PackedSlots.decode(buffer, 4, packed.length, values, MISSING))
                .isEqualTo(2);
        assertThat(values).containsExactly(7, -8);
    }

    private static byte[] pack(long[] values, boolean[] present) {
        int length = PackedSlots.length(values, present);
        byte[] out = new byte[length + 3];
        PackedSlots.write(values, present, length, out, 3);
        return Arrays.copyOfRange(out, 3, 3 + length);
    }

    private static long[] decoded(byte[] packed, int slots) {
        long[] values = new long[slots];
        assertThat(PackedSlots.decode(packed, values, MISSING)).isEqualTo(slots);
        return values;
    }
}
