package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProfileCodecTest {
    private static final SystemTitle DEVICE = SystemTitle.parse("4D4D4D0000BC614E");
    private static final Instant MIDNIGHT = Instant.parse("2024-05-01T00:00:00Z");
    private static final ProfileLayout LAYOUT = ProfileLayout.of(
            Duration.ofMinutes(15),
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
            CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT));

    private static ProfileBuffer day() {
        ProfileBuffer.Builder builder = ProfileBuffer.builder(2);
        for (int i = 0; i < 96; i++) {
            builder.add(MIDNIGHT.plus(Duration.ofMinutes(15L * (i + 1))), 100L + i * 7L, 2300L + i % 20);
        }
        return builder.build();
    }

    @Test
    void roundTripsADayOfQuarterHoursThroughADataNotification() {
        ProfileBuffer buffer = day();
        DataValue body = LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer);
        byte[] apdu = new DataNotification(1, null, body).encode();

        DataValue received = DataNotification.decode(apdu).body();

        assertThat(LoadProfileCodec.deviceOf(received)).isEqualTo(DEVICE);
        ProfileBuffer decoded = LoadProfileCodec.decodeBody(received, LAYOUT);
        assertThat(decoded).isEqualTo(buffer);
        assertThat(decoded.size()).isEqualTo(96);
        assertThat(decoded.capturedAt(95)).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(decoded.value(3, 0)).isEqualTo(121);
        assertThat(decoded.value(3, 1)).isEqualTo(2303);
    }

    @Test
    void encodesEnergyAsDoubleLongUnsignedAndVoltageAsLongUnsigned() {
        DataValue.Structure body = (DataValue.Structure) LoadProfileCodec.encodeBody(DEVICE, LAYOUT, day());
        DataValue.Array rows = (DataValue.Array) body.elements().get(2);
        DataValue.Structure first = (DataValue.Structure) rows.elements().get(0);

        assertThat(body.elements().get(0)).isEqualTo(new DataValue.OctetString(DEVICE.toBytes()));
        assertThat(first.elements().get(0))
                .isEqualTo(new DataValue.OctetString(CosemDateTime.ofUtc(Instant.parse("2024-05-01T00:15:00Z"))
                        .toBytes()));
        assertThat(first.elements().get(1).type()).isEqualTo(DataType.DOUBLE_LONG_UNSIGNED);
        assertThat(first.elements().get(2).type()).isEqualTo(DataType.LONG_UNSIGNED);
    }

    @Test
    void acceptsAnyIntegerTypeAndTheDateTimeTypeWhenDecoding() {
        DataValue row = DataValue.Structure.of(
                new DataValue.DateTime(CosemDateTime.ofUtc(MIDNIGHT)),
                new DataValue.IntegerValue(DataType.LONG64, 5_000_000_000L),
                new DataValue.IntegerValue(DataType.DOUBLE_LONG, -1));

        ProfileBuffer decoded = LoadProfileCodec.decodeBody(body(row), LAYOUT);

        assertThat(decoded.capturedAt(0)).isEqualTo(MIDNIGHT);
        assertThat(decoded.value(0, 0)).isEqualTo(5_000_000_000L);
        assertThat(decoded.value(0, 1)).isEqualTo(-1);
    }

    @Test
    void rejectsARowWithTheWrongNumberOfElementsNamingTheRow() {
        DataValue good = row(MIDNIGHT, 1, 2);
        DataValue shortRow = DataValue.Structure.of(
                new DataValue.DateTime(CosemDateTime.ofUtc(MIDNIGHT)),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1));

        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(body(good, shortRow), LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("structure of 3 elements")
                .hasMessageContaining("found structure of 2 elements");
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingRowAndColumn() {
        DataValue bad = DataValue.Structure.of(
                new DataValue.OctetString(CosemDateTime.ofUtc(MIDNIGHT).toBytes()),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1),
                new DataValue.VisibleString("230"));

        assertThatThrownBy(
                        () -> LoadProfileCodec.decodeBody(body(row(MIDNIGHT, 1, 2), row(MIDNIGHT, 3, 4), bad), LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 2 column 2 (1.0.32.7.0.255)")
                .hasMessageContaining("visible-string");
    }

    @Test
    void rejectsACaptureTimeThatIsNotADateTime() {
        DataValue bad = DataValue.Structure.of(
                new DataValue.OctetString(new byte[11]),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1));
        byte[] unspecified = CosemDateTime.ofUtc(MIDNIGHT).toBytes();
        unspecified[5] = (byte) 0xFF;
        DataValue noHour = DataValue.Structure.of(
                new DataValue.OctetString(unspecified),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1),
                new DataValue.IntegerValue(DataType.UNSIGNED, 1));

        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(body(bad), LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 0 column 0")
                .hasMessageContaining("octet-string(11)");
        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(body(noHour), LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 0 column 0")
                .hasMessageContaining("hour");
    }

    @Test
    void rejectsABodyThatIsNotAProfilePush() {
        DataValue notStructure = new DataValue.NullData();
        DataValue shortTitle = DataValue.Structure.of(
                new DataValue.OctetString(new byte[6]), LOAD_PROFILE, new DataValue.Array(List.of()));
        DataValue noArray = DataValue.Structure.of(
                new DataValue.OctetString(DEVICE.toBytes()), LOAD_PROFILE, new DataValue.NullData());
        DataValue eventLog = DataValue.Structure.of(
                new DataValue.OctetString(DEVICE.toBytes()),
                new DataValue.OctetString(Obis.STANDARD_EVENT_LOG.toBytes()),
                new DataValue.Array(List.of()));
        DataValue legacyTwoElements =
                DataValue.Structure.of(new DataValue.OctetString(DEVICE.toBytes()), new DataValue.Array(List.of()));

        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(notStructure, LAYOUT))
                .hasMessageContaining("found null-data");
        assertThatThrownBy(() -> LoadProfileCodec.deviceOf(shortTitle)).hasMessageContaining("octet-string(6)");
        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(noArray, LAYOUT)).hasMessageContaining("array");
        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(eventLog, LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("found 0.0.99.98.0.255");
        assertThatThrownBy(() -> LoadProfileCodec.decodeBody(legacyTwoElements, LAYOUT))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("structure of 3 elements");
    }

    @Test
    void encodesTheDeviceThenLoadProfileOneThenTheEntries() {
        ProfileBuffer buffer = ProfileBuffer.builder(2).add(MIDNIGHT, 1, 2).build();
        DataValue body = LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer);

        assertThat(((DataValue.Structure) body).elements().get(1)).isEqualTo(LOAD_PROFILE);
    }

    @Test
    void refusesToEncodeAVoltageThatDoesNotFitSixteenBits() {
        ProfileBuffer buffer = ProfileBuffer.builder(2).add(MIDNIGHT, 1, 70_000).build();

        assertThatThrownBy(() -> LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 column 2")
                .hasMessageContaining("70000");
    }

    @Test
    void refusesToEncodeABufferWhoseColumnsDifferFromTheLayout() {
        ProfileBuffer buffer = ProfileBuffer.builder(3).add(MIDNIGHT, 1, 2, 3).build();

        assertThatThrownBy(() -> LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer))
                .hasMessageContaining("3 value columns")
                .hasMessageContaining("2");
    }

    private static final DataValue LOAD_PROFILE = new DataValue.OctetString(Obis.LOAD_PROFILE_1.toBytes());

    private static DataValue row(Instant at, long first, long second) {
        return DataValue.Structure.of(
                new DataValue.OctetString(CosemDateTime.ofUtc(at).toBytes()),
                new DataValue.IntegerValue(DataType.DOUBLE_LONG_UNSIGNED, first),
                new DataValue.IntegerValue(DataType.LONG_UNSIGNED, second));
    }

    private static DataValue body(DataValue... rows) {
        return DataValue.Structure.of(
                new DataValue.OctetString(DEVICE.toBytes()),
                LOAD_PROFILE,
                new DataValue.Array(new ArrayList<>(List.of(rows))));
    }
}
