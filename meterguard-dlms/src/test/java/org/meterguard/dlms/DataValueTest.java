package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A-XDR Data trees: every supported type round-trips byte-for-byte, and hostile input only raises DLMS errors. */
class DataValueTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final CosemDateTime TIME = new CosemDateTime(2024, 3, 5, 2, 12, 34, 56, 78, -60, 0x80);

    private static List<DataValue> everyType() {
        List<DataValue> values = new ArrayList<>();
        values.add(new DataValue.NullData());
        values.add(new DataValue.Bool(true));
        values.add(new DataValue.Bool(false));
        values.add(new DataValue.BitString(new byte[] {(byte) 0xA5, (byte) 0xF0}, 12));
        values.add(new DataValue.BitString(new byte[0], 0));
        for (DataType type : DataType.values()) {
            if (type.width() > 0) {
                long min = type.signed() ? (type.width() == 8 ? Long.MIN_VALUE : -(1L << (8 * type.width() - 1))) : 0;
                long max =
                        type.width() == 8 ? (type.signed() ? Long.MAX_VALUE : -1L) : min + (1L << 8 * type.width()) - 1;
                values.add(new DataValue.IntegerValue(type, min));
                values.add(new DataValue.IntegerValue(type, max));
            }
        }
        values.add(new DataValue.OctetString(new byte[] {1, 2, 3}));
        values.add(new DataValue.OctetString(new byte[300]));
        values.add(new DataValue.VisibleString("EMH-LZQJ 1.0"));
        values.add(new DataValue.Utf8String("Zähler € ☀"));
        values.add(new DataValue.Float32(-1.5f));
        values.add(new DataValue.Float64(Math.PI));
        values.add(new DataValue.Float64(Double.NaN));
        values.add(new DataValue.DateTime(TIME));
        values.add(new DataValue.Array(List.of(
                new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 230),
                new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 231))));
        values.add(new DataValue.Array(List.of()));
        values.add(DataValue.Structure.of(new DataValue.NullData(), DataValue.Structure.of(new DataValue.Bool(true))));
        values.add(CompactArrayTest.profileRows());
        return values;
    }

    @Test
    void roundTripsEverySupportedType() {
        for (DataValue value : everyType()) {
            byte[] bytes = value.toBytes();
            DataValue decoded = DataValue.decode(bytes);
            assertThat(decoded).as("%s", value).isEqualTo(value);
            assertThat(decoded.toBytes()).as("%s", value).isEqualTo(bytes);
            assertThat(bytes[0] & 0xFF).as("%s", value).isEqualTo(value.type().tag());
        }
    }

    @Test
    void roundTripsAllTypesInsideOneStructure() {
        DataValue all = new DataValue.Structure(everyType());

        assertThat(DataValue.decode(all.toBytes())).isEqualTo(all);
    }

    @Test
    void encodesScalarsAsTheBlueBookSpecifies() {
        assertThat(hex(new DataValue.IntegerValue(DataType.DOUBLE_LONG_UNSIGNED, 1234)))
                .isEqualTo("06000004D2");
        assertThat(hex(new DataValue.IntegerValue(DataType.LONG, -2))).isEqualTo("10FFFE");
        assertThat(hex(new DataValue.IntegerValue(DataType.INTEGER, -128))).isEqualTo("0F80");
        assertThat(hex(new DataValue.IntegerValue(DataType.ENUM, 30))).isEqualTo("161E");
        assertThat(hex(new DataValue.IntegerValue(DataType.LONG64_UNSIGNED, -1)))
                .isEqualTo("15FFFFFFFFFFFFFFFF");
        assertThat(hex(new DataValue.Bool(true))).isEqualTo("0301");
        assertThat(hex(new DataValue.Float32(1.0f))).isEqualTo("173F800000");
        assertThat(hex(new DataValue.VisibleString("AB"))).isEqualTo("0A024142");
        assertThat(hex(new DataValue.BitString(new byte[] {(byte) 0xA5, (byte) 0xF0}, 12)))
                .isEqualTo("040CA5F0");
        assertThat(hex(new DataValue.DateTime(TIME))).isEqualTo("1907E80305020C22384EFFC480");
    }

    @Test
    void encodesLengthsInTheVariableLengthForm() {
        assertThat(hex(new DataValue.OctetString(new byte[127]))).startsWith("097F00");
        assertThat(hex(new DataValue.OctetString(new byte[128]))).startsWith("09818000");
        assertThat(hex(new DataValue.OctetString(new byte[200]))).startsWith("0981C800");
        assertThat(hex(new DataValue.OctetString(new byte[300]))).startsWith("0982012C00");
        assertThat(new DataValue.OctetString(new byte[65535]).toBytes()).hasSize(65539);
    }

    private static String hex(DataValue value) {
        return HEX.formatHex(value.toBytes());
    }

    @Test
    void decodesAnyNonZeroBooleanAsTrue() {
        assertThat(DataValue.decode(new byte[] {3, 0x7F})).isEqualTo(new DataValue.Bool(true));
    }

    @Test
    void rejectsUnknownTagNamingItAndItsOffset() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {2, 2, 0, 7, 1}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 3")
                .hasMessageContaining("0x07");
    }

    @Test
    void refusesBcdAsUnsupported() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x02, 0x01, 0x0D, 0x12}))
                .isExactlyInstanceOf(UnsupportedDataType.class)
                .hasMessageContaining("bcd")
                .hasMessageContaining("offset 2");
    }

    @Test
    void rejectsOctetStringLengthBeyondTheRemainingBytes() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {9, (byte) 0x82, (byte) 0xFF, (byte) 0xFF, 1, 2}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("65535")
                .hasMessageContaining("2 remaining");
    }

    @Test
    void rejectsArrayCountBeyondTheRemainingBytes() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {1, (byte) 0x82, (byte) 0xFF, (byte) 0xFF, 0, 0}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("array of 65535 elements");
    }

    @Test
    void rejectsLengthFormsLongerThanTwoBytes() {
        for (int form : new int[] {0x80, 0x83, 0x84, 0xFF}) {
            assertThatThrownBy(() -> DataValue.decode(new byte[] {9, (byte) form, 0, 0, 0, 1, 1}))
                    .isExactlyInstanceOf(MalformedApdu.class)
                    .hasMessageContaining(String.format("0x%02X", form))
                    .hasMessageContaining("offset 1");
        }
    }

    @Test
    void acceptsSixteenNestedContainersButNotSeventeen() {
        assertThat(DataValue.decode(nested(16))).isInstanceOf(DataValue.Structure.class);
        assertThatThrownBy(() -> DataValue.decode(nested(17)))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("deeper than 16")
                .hasMessageContaining("offset 32");
    }

    @Test
    void survivesADepthBombOfAHundredThousandLevels() {
        assertThatThrownBy(() -> DataValue.decode(nested(100_000))).isExactlyInstanceOf(MalformedApdu.class);
    }

    private static byte[] nested(int depth) {
        byte[] bytes = new byte[depth * 2 + 1];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = (byte) (i % 2 == 0 ? 2 : 1);
            bytes[2 * i + 1] = 1;
        }
        return bytes;
    }

    @Test
    void rejectsInvalidUtf8AndNonAsciiVisibleString() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {12, 2, (byte) 0xC3, 0x28}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> DataValue.decode(new byte[] {10, 1, (byte) 0xE4}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0xE4");
    }

    @Test
    void rejectsInvalidDateTimeFieldsAsMalformed() {
        byte[] bytes = new DataValue.DateTime(TIME).toBytes();
        bytes[3] = 13;

        assertThatThrownBy(() -> DataValue.decode(bytes))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("month 13");
    }

    @Test
    void rejectsTrailingBytesAfterTheValue() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0, 0}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("1 trailing");
    }

    @Test
    void raisesOnlyMalformedApduWhenTruncatedAtEveryOffset() {
        byte[] bytes = new DataValue.Structure(everyType()).toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, length);
            assertThat(catchThrowable(() -> DataValue.decode(truncated)))
                    .as("length %d", length)
                    .isExactlyInstanceOf(MalformedApdu.class);
        }
    }

    @Test
    void raisesOnlyDlmsExceptionsOnRandomInput() {
        Random random = new Random(42);
        byte[] valid = new DataValue.Structure(everyType()).toBytes();
        for (int i = 0; i < 20_000; i++) {
            byte[] input = i % 2 == 0 ? new byte[random.nextInt(64)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(input);
            } else {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            Throwable thrown = catchThrowable(() -> DataValue.decode(input));
            if (thrown != null) {
                assertThat(thrown).as(HEX.formatHex(input)).isInstanceOf(DlmsException.class);
            }
        }
    }

    @Test
    void rejectsIntegersThatDoNotFitTheirType() {
        assertThatThrownBy(() -> new DataValue.IntegerValue(DataType.UNSIGNED, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256")
                .hasMessageContaining("unsigned");
        assertThatThrownBy(() -> new DataValue.IntegerValue(DataType.DOUBLE_LONG_UNSIGNED, -1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new DataValue.IntegerValue(DataType.OCTET_STRING, 1))
                .hasMessageContaining("octet-string");
    }

    @Test
    void copiesOctetStringsAndRedactsTheirText() {
        byte[] bytes = {1, 2, 3};
        DataValue.OctetString value = new DataValue.OctetString(bytes);
        bytes[0] = 9;
        value.value()[1] = 9;

        assertThat(value.value()).containsExactly(1, 2, 3);
        assertThat(value).hasToString("OctetString[3 bytes]");
    }

    @Test
    void readsIndividualBitsMostSignificantFirst() {
        DataValue.BitString bits = new DataValue.BitString(new byte[] {(byte) 0x80, 0x01}, 16);

        assertThat(bits.get(0)).isTrue();
        assertThat(bits.get(1)).isFalse();
        assertThat(bits.get(15)).isTrue();
        assertThatThrownBy(() -> new DataValue.BitString(new byte[2], 17)).hasMessageContaining("17 bits");
    }
}
