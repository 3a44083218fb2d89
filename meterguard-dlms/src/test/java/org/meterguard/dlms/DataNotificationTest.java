package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DataNotificationTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final DataValue BODY = DataValue.Structure.of(
            new DataValue.OctetString(Obis.ACTIVE_ENERGY_IMPORT.toBytes()),
            new DataValue.IntegerValue(DataType.DOUBLE_LONG_UNSIGNED, 123_456));

    @Test
    void encodesWithoutDateTimeAsZeroLengthOctetString() {
        DataNotification notification = new DataNotification(0x40000001L, null, BODY);

        assertThat(HEX.formatHex(notification.encode())).isEqualTo("0F4000000100020209060100010800FF060001E240");
    }

    @Test
    void roundTripsWithoutDateTime() {
        DataNotification notification = new DataNotification(1, null, BODY);

        assertThat(DataNotification.decode(notification.encode())).isEqualTo(notification);
    }

    @Test
    void roundTripsWithDateTimeAndMaximumInvokeId() {
        CosemDateTime time = CosemDateTime.ofUtc(Instant.parse("2024-05-01T00:15:00Z"));
        DataNotification notification = new DataNotification(0xFFFFFFFFL, time, BODY);
        byte[] apdu = notification.encode();

        assertThat(HEX.formatHex(apdu, 0, 6)).isEqualTo("0FFFFFFFFF0C");
        assertThat(DataNotification.decode(apdu)).isEqualTo(notification);
    }

    @Test
    void raisesOnlyMalformedApduWhenTruncatedAtEveryOffset() {
        CosemDateTime time = CosemDateTime.ofUtc(Instant.parse("2024-05-01T00:15:00Z"));
        byte[] apdu = new DataNotification(7, time, BODY).encode();
        for (int length = 0; length < apdu.length; length++) {
            byte[] truncated = Arrays.copyOf(apdu, length);
            assertThat(catchThrowable(() -> DataNotification.decode(truncated)))
                    .as("length %d", length)
                    .isExactlyInstanceOf(MalformedApdu.class);
        }
    }

    @Test
    void rejectsAnotherApduTag() {
        byte[] apdu = new DataNotification(7, null, BODY).encode();
        apdu[0] = (byte) 0xC2;

        assertThatThrownBy(() -> DataNotification.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0xC2");
    }

    @Test
    void rejectsDateTimeOfAnyLengthOtherThanZeroOrTwelve() {
        byte[] apdu = HEX.parseHex("0F0000000105010203040500");

        assertThatThrownBy(() -> DataNotification.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("length 5")
                .hasMessageContaining("offset 5");
    }

    @Test
    void rejectsAHostileBodyLength() {
        byte[] apdu = HEX.parseHex("0F0000000100098201FF00");

        assertThatThrownBy(() -> DataNotification.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("511");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] apdu = Arrays.copyOf(new DataNotification(7, null, BODY).encode(), 22);

        assertThatThrownBy(() -> DataNotification.decode(apdu)).hasMessageContaining("trailing");
    }

    @Test
    void rejectsInvokeIdOutsideThirtyTwoBits() {
        assertThatThrownBy(() -> new DataNotification(1L << 32, null, BODY)).hasMessageContaining("4294967296");
    }
}
