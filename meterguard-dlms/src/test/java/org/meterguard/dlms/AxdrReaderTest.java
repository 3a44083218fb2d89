package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AxdrReaderTest {
    @Test
    void readsWhatTheWriterWroteThroughTypedMethods() {
        CosemDateTime time = CosemDateTime.ofUtc(java.time.Instant.parse("2024-06-30T22:15:00Z"));
        byte[] bytes = new AxdrWriter()
                .structure(14)
                .nullData()
                .bool(true)
                .int8(-5)
                .int16(-300)
                .int32(-70_000)
                .int64(Long.MIN_VALUE)
                .uint8(200)
                .uint16(60_000)
                .uint32(4_000_000_000L)
                .uint64(-1)
                .enumValue(30)
                .float32(2.5f)
                .float64(-0.125)
                .dateTime(time)
                .toByteArray();
        AxdrReader reader = new AxdrReader(bytes);

        assertThat(reader.readStructure()).isEqualTo(14);
        reader.readNullData();
        assertThat(reader.readBoolean()).isTrue();
        assertThat(reader.readInt8()).isEqualTo(-5);
        assertThat(reader.readInt16()).isEqualTo(-300);
        assertThat(reader.readInt32()).isEqualTo(-70_000);
        assertThat(reader.readInt64()).isEqualTo(Long.MIN_VALUE);
        assertThat(reader.readUint8()).isEqualTo(200);
        assertThat(reader.readUint16()).isEqualTo(60_000);
        assertThat(reader.readUint32()).isEqualTo(4_000_000_000L);
        assertThat(reader.readUint64()).isEqualTo(-1L);
        assertThat(reader.readEnum()).isEqualTo(30);
        assertThat(reader.readFloat32()).isEqualTo(2.5f);
        assertThat(reader.readFloat64()).isEqualTo(-0.125);
        assertThat(reader.readDateTime()).isEqualTo(time);
        assertThat(reader.remaining()).isZero();
        reader.expectEnd();
    }

    @Test
    void readsStringsAndArrays() {
        byte[] bytes = new AxdrWriter()
                .array(3)
                .octetString(new byte[] {1, 2})
                .visibleString("LGZ")
                .utf8String("Größe")
                .toByteArray();
        AxdrReader reader = new AxdrReader(bytes);

        assertThat(reader.readArray()).isEqualTo(3);
        assertThat(reader.peekTag()).isEqualTo(9);
        assertThat(reader.readOctetString()).containsExactly(1, 2);
        assertThat(reader.readVisibleString()).isEqualTo("LGZ");
        assertThat(reader.readUtf8String()).isEqualTo("Größe");
        assertThat(reader.hasRemaining()).isFalse();
    }

    @Test
    void readIntegerAcceptsEveryIntegerType() {
        byte[] bytes = new AxdrWriter()
                .int8(-1)
                .int16(-2)
                .int32(-3)
                .int64(-4)
                .uint8(5)
                .uint16(6)
                .uint32(7)
                .uint64(8)
                .toByteArray();
        AxdrReader reader = new AxdrReader(bytes);

        long[] read = new long[8];
        for (int i = 0; i < read.length; i++) {
            read[i] = reader.readInteger();
        }
        assertThat(read).containsExactly(-1, -2, -3, -4, 5, 6, 7, 8);
    }

    @Test
    void readIntegerRejectsOtherTypesAndUnsignedValuesAboveLongRange() {
        assertThatThrownBy(() -> new AxdrReader(new AxdrWriter().enumValue(1).toByteArray()).readInteger())
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("enum (0x16)");
        assertThatThrownBy(() -> new AxdrReader(new AxdrWriter().uint64(-1).toByteArray()).readInteger())
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("18446744073709551615");
    }

    @Test
    void namesOffsetExpectedAndActualTagOnAWrongTag() {
        AxdrReader reader = new AxdrReader(new AxdrWriter().uint8(1).uint16(2).toByteArray());
        reader.readUint8();

        assertThatThrownBy(reader::readUint32)
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessage(
                        "malformed APDU at offset 2: expected double-long-unsigned (0x06), found long-unsigned (0x12)")
                .extracting(e -> ((MalformedApdu) e).offset())
                .isEqualTo(2);
    }

    @Test
    void reportsTruncationWithOffsetAndRemainingBytes() {
        AxdrReader reader = new AxdrReader(new byte[] {6, 0, 0});

        assertThatThrownBy(reader::readUint32)
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 1")
                .hasMessageContaining("2 bytes remain");
        assertThatThrownBy(() -> new AxdrReader(new byte[0]).peekTag()).isExactlyInstanceOf(MalformedApdu.class);
    }

    @Test
    void refusesRawReadsBeyondTheInputWithoutAllocating() {
        AxdrReader reader = new AxdrReader(new byte[4]);

        assertThatThrownBy(() -> reader.readRawBytes(Integer.MAX_VALUE)).isExactlyInstanceOf(MalformedApdu.class);
        assertThatThrownBy(() -> reader.readRawBytes(-1)).isExactlyInstanceOf(MalformedApdu.class);
        assertThat(reader.readRawUint32()).isZero();
    }

    @Test
    void readsDateTimeInEitherForm() {
        CosemDateTime time = new CosemDateTime(2023, 12, 31, 7, 23, 59, 59, 99, 0, 0);

        assertThat(new AxdrReader(new AxdrWriter().dateTimeValue(time).toByteArray()).readDateTime())
                .isEqualTo(time);
        assertThat(new AxdrReader(new AxdrWriter().dateTime(time).toByteArray()).readDateTime())
                .isEqualTo(time);
        assertThatThrownBy(() -> new AxdrReader(
                                new AxdrWriter().octetString(new byte[11]).toByteArray())
                        .readDateTime())
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("11 bytes");
    }

    @Test
    void readerCopiesItsInput() {
        byte[] bytes = {0x11, 7};
        AxdrReader reader = new AxdrReader(bytes);
        bytes[1] = 9;

        assertThat(reader.readUint8()).isEqualTo(7);
    }
}
