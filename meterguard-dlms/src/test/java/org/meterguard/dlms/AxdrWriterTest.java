package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AxdrWriterTest {
    private static String hex(AxdrWriter writer) {
        return HexFormat.of().withUpperCase().formatHex(writer.toByteArray());
    }

    @Test
    void writesDateTimeAsTwelveByteOctetString() {
        CosemDateTime time = CosemDateTime.ofUtc(java.time.Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(hex(new AxdrWriter().dateTime(time))).isEqualTo("090C07E801010100000000000000");
    }

    @Test
    void writesStructureAndArrayHeadersWithVariableLengthCounts() {
        assertThat(hex(new AxdrWriter().structure(2))).isEqualTo("0202");
        assertThat(hex(new AxdrWriter().array(96))).isEqualTo("0160");
        assertThat(hex(new AxdrWriter().array(255))).isEqualTo("0181FF");
        assertThat(hex(new AxdrWriter().array(256))).isEqualTo("01820100");
    }

    @Test
    void rejectsValuesOutOfRangeNamingThem() {
        assertThatThrownBy(() -> new AxdrWriter().uint8(256)).hasMessageContaining("256");
        assertThatThrownBy(() -> new AxdrWriter().int8(-129)).hasMessageContaining("-129");
        assertThatThrownBy(() -> new AxdrWriter().uint16(65_536)).hasMessageContaining("65536");
        assertThatThrownBy(() -> new AxdrWriter().int32(1L << 31)).hasMessageContaining("2147483648");
        assertThatThrownBy(() -> new AxdrWriter().uint32(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new AxdrWriter().length(65_536)).hasMessageContaining("65536");
        assertThatThrownBy(() -> new AxdrWriter().visibleString("é")).hasMessageContaining("non-ASCII");
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        AxdrWriter writer = new AxdrWriter(1);
        for (int i = 0; i < 1000; i++) {
            writer.uint32(i);
        }

        assertThat(writer.size()).isEqualTo(5000);
        AxdrReader reader = new AxdrReader(writer.toByteArray());
        for (int i = 0; i < 1000; i++) {
            assertThat(reader.readUint32()).isEqualTo(i);
        }
    }
}
