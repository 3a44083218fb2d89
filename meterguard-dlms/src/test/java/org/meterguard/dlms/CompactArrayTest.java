package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A-XDR compact-array: type description, then untagged contents; hostile input raises only MalformedApdu. */
class CompactArrayTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final CosemDateTime TIME = new CosemDateTime(2024, 3, 5, 2, 12, 34, 56, 78, -60, 0x80);

    /** Two load-profile rows: structure { date-time, long-unsigned, double-long } as a compact-array. */
    static DataValue.CompactArray profileRows() {
        TypeDescription row = TypeDescription.structure(
                TypeDescription.simple(DataType.DATE_TIME),
                TypeDescription.simple(DataType.LONG_UNSIGNED),
                TypeDescription.simple(DataType.DOUBLE_LONG));
        return new DataValue.CompactArray(
                row,
                List.of(
                        DataValue.Structure.of(
                                new DataValue.DateTime(TIME),
                                new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 230),
                                new DataValue.IntegerValue(DataType.DOUBLE_LONG, -5)),
                        DataValue.Structure.of(
                                new DataValue.DateTime(TIME),
                                new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 231),
                                new DataValue.IntegerValue(DataType.DOUBLE_LONG, 7))));
    }

    @Test
    void encodesTheTypeDescriptionThenUntaggedContents() {
        DataValue value = new DataValue.CompactArray(
                TypeDescription.simple(DataType.LONG_UNSIGNED),
                List.of(
                        new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 1),
                        new DataValue.IntegerValue(DataType.LONG_UNSIGNED, 0x0203)));

        assertThat(HEX.formatHex(value.toBytes())).isEqualTo("1312" + "04" + "0001" + "0203");
    }

    @Test
    void encodesNestedArrayAndStructureDescriptions() {
        TypeDescription description = TypeDescription.structure(
                TypeDescription.simple(DataType.OCTET_STRING),
                TypeDescription.array(2, TypeDescription.simple(DataType.UNSIGNED)));
        DataValue value = new DataValue.CompactArray(
                description,
                List.of(DataValue.Structure.of(
                        new DataValue.OctetString(new byte[] {(byte) 0xAB}),
                        new DataValue.Array(List.of(
                                new DataValue.IntegerValue(DataType.UNSIGNED, 7),
                                new DataValue.IntegerValue(DataType.UNSIGNED, 8))))));

        assertThat(HEX.formatHex(value.toBytes()))
                .isEqualTo("13" + "0202" + "09" + "01000211" + "04" + "01AB" + "0708");
        assertThat(DataValue.decode(value.toBytes())).isEqualTo(value);
    }

    @Test
    void roundTripsEverySimpleTypeItCanDescribe() {
        for (DataValue element : List.of(
                new DataValue.Bool(true),
                new DataValue.BitString(new byte[] {(byte) 0xA0}, 3),
                new DataValue.IntegerValue(DataType.LONG64, Long.MIN_VALUE),
                new DataValue.IntegerValue(DataType.LONG64_UNSIGNED, -1),
                new DataValue.IntegerValue(DataType.ENUM, 30),
                new DataValue.Float32(2.5f),
                new DataValue.Float64(-0.125),
                new DataValue.OctetString(new byte[] {1, 2, 3}),
                new DataValue.VisibleString("LGZ"),
                new DataValue.Utf8String("Größe"),
                new DataValue.DateTime(TIME))) {
            DataValue value = new DataValue.CompactArray(
                    TypeDescription.simple(element.type()), List.of(element, element, element));
            assertThat(DataValue.decode(value.toBytes())).as("%s", element).isEqualTo(value);
            assertThat(new AxdrReader(value.toBytes()).readCompactArray()).isEqualTo(value);
        }
    }

    @Test
    void refusesElementsThatDoNotMatchTheDescription() {
        assertThatThrownBy(() -> new DataValue.CompactArray(
                        TypeDescription.simple(DataType.UNSIGNED), List.of(new DataValue.Bool(true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 0");
        assertThatThrownBy(() -> new DataValue.CompactArray(
                        TypeDescription.simple(DataType.NULL_DATA), List.of(new DataValue.NullData())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bytes");
    }

    @Test
    void rejectsContentsLongerThanTheInputNamingTheOffset() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x13, 0x12, 0x10, 0, 1}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 2")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void rejectsAnElementThatRunsPastTheContents() {
        // three bytes of contents for long-unsigned elements: the second element straddles the end
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x13, 0x12, 0x03, 0, 1, 2, 9}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 5")
                .hasMessageContaining("element 1");
    }

    @Test
    void rejectsUnknownAndUnsupportedDescriptionTags() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x13, 0x07, 0x00}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 1")
                .hasMessageContaining("unknown tag 0x07");
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x13, 0x0D, 0x00}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("bcd");
    }

    @Test
    void rejectsNullDataElementsThatCouldRepeatForever() {
        assertThatThrownBy(() -> DataValue.decode(new byte[] {0x13, 0x00, 0x01, 0x00}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("no bytes");
    }

    @Test
    void rejectsDescriptionsNestedTooDeep() {
        byte[] bytes = new byte[3 * 40 + 2];
        bytes[0] = 0x13;
        for (int i = 0; i < 40; i++) {
            bytes[1 + 3 * i] = 0x01;
            bytes[3 + 3 * i] = 0x01;
        }
        assertThat(catchThrowable(() -> DataValue.decode(bytes)))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void raisesOnlyMalformedApduWhenTruncatedAtEveryOffset() {
        byte[] bytes = profileRows().toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThat(catchThrowable(() -> DataValue.decode(truncated)))
                    .as("length %d", length)
                    .isExactlyInstanceOf(MalformedApdu.class);
        }
    }

    @Test
    void raisesOnlyMalformedApduWhenAnyByteIsChanged() {
        byte[] valid = profileRows().toBytes();
        for (int i = 0; i < valid.length; i++) {
            for (int b = 0; b < 256; b += 7) {
                byte[] input = valid.clone();
                input[i] = (byte) b;
                Throwable thrown = catchThrowable(() -> DataValue.decode(input));
                if (thrown != null) {
                    assertThat(thrown).as(HEX.formatHex(input)).isInstanceOf(DlmsException.class);
                }
            }
        }
    }
}
