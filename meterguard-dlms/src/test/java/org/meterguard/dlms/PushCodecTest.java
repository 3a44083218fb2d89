package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PushEncoder and PushDecoder: the three push kinds, agreement with the DataValue-tree path, hostile input. */
class PushCodecTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SystemTitle DEVICE = SystemTitle.parse("4D4D4D0000BC614E");
    private static final Instant MIDNIGHT = Instant.parse("2024-05-01T00:00:00Z");
    private static final ProfileLayout LAYOUT = ProfileLayout.of(
            Duration.ofMinutes(15),
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
            CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT));
    private static final MeterModel MODEL = new MeterModel(
            "MG-1",
            LAYOUT,
            Set.of(Obis.STANDARD_EVENT_LOG, Obis.POWER_FAILURE_EVENT_LOG),
            List.of(Obis.ACTIVE_ENERGY_IMPORT, Obis.ACTIVE_ENERGY_EXPORT));

    static ProfileBuffer day(Random random, int rows) {
        ProfileBuffer.Builder buffer = ProfileBuffer.builder(2);
        for (int i = 1; i <= rows; i++) {
            buffer.add(MIDNIGHT.plus(Duration.ofMinutes(15L * i)), random.nextInt(5000), 2200 + random.nextInt(200));
        }
        return buffer.build();
    }

    private static List<MeterEvent> someEvents() {
        return List.of(
                MeterEvent.of(MIDNIGHT, MeterEventCode.POWER_DOWN),
                MeterEvent.of(MIDNIGHT.plusSeconds(95), MeterEventCode.POWER_UP),
                MeterEvent.of(MIDNIGHT.plusMillis(120_250), MeterEventCode.TERMINAL_COVER_OPENED),
                new MeterEvent(MIDNIGHT.plusSeconds(300), 231),
                new MeterEvent(MIDNIGHT.plusSeconds(400), 1024));
    }

    private static List<RegisterValue> someRegisters() {
        return List.of(
                new RegisterValue(Obis.ACTIVE_ENERGY_IMPORT, 123_456_789L, 0, CaptureObject.UNIT_WATT_HOUR, MIDNIGHT),
                new RegisterValue(Obis.ACTIVE_ENERGY_EXPORT, -5, -2, CaptureObject.UNIT_WATT_HOUR, MIDNIGHT),
                new RegisterValue(Obis.ACTIVE_ENERGY_IMPORT, 1L << 40, 3, CaptureObject.UNIT_WATT_HOUR, MIDNIGHT));
    }

    @Test
    void roundTripsALoadProfilePush() {
        ProfileBuffer buffer = day(new Random(1), 96);
        byte[] apdu = PushEncoder.loadProfile(7, DEVICE, LAYOUT, buffer);

        DecodedPush push = PushDecoder.decode(apdu, MODEL);

        assertThat(push).isEqualTo(new DecodedPush.LoadProfilePush(DEVICE, buffer));
    }

    @Test
    void writesExactlyTheBytesOfTheDataValueTreePath() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            ProfileBuffer buffer = randomProfile(random);
            long invokeId = random.nextInt() & 0xFFFF_FFFFL;
            byte[] tree =
                    new DataNotification(invokeId, null, LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer)).encode();

            assertThat(PushEncoder.loadProfile(invokeId, DEVICE, LAYOUT, buffer))
                    .as("profile %d", i)
                    .isEqualTo(tree);
        }
    }

    @Test
    void writesTheTreePathsBytesForRowsThatShareTheirDayAcrossMidnights() {
        // Consecutive rows of one day share their date bytes in the encoder; rows across two UTC midnights (and a
        // leap day, and hundredths of a second) must still come out as the tree path writes them.
        for (String first : List.of("2026-11-23T22:00:00.130Z", "2028-02-28T23:10:00Z", "1969-12-31T23:00:00Z")) {
            ProfileBuffer.Builder builder = ProfileBuffer.builder(2, 4);
            Instant at = Instant.parse(first);
            for (int row = 0; row < 400; row++) {
                builder.add(at.plusMillis(450_000L * row), row, 2200 + row % 100);
            }
            ProfileBuffer buffer = builder.build();
            byte[] tree = new DataNotification(9, null, LoadProfileCodec.encodeBody(DEVICE, LAYOUT, buffer)).encode();

            assertThat(PushEncoder.loadProfile(9, DEVICE, LAYOUT, buffer))
                    .as(first)
                    .isEqualTo(tree);
        }
    }

    @Test
    void decodesLikeTheDataValueTreePathOnRandomProfiles() {
        Random random = new Random(20_240_501);
        for (int i = 0; i < 300; i++) {
            ProfileBuffer buffer = randomProfile(random);
            byte[] apdu = randomlyTypedPush(random, buffer);
            DataNotification notification = DataNotification.decode(apdu);

            ProfileBuffer viaTree = LoadProfileCodec.decodeBody(notification.body(), LAYOUT);
            DecodedPush fast = PushDecoder.decode(apdu, MODEL);

            assertThat(fast)
                    .as("profile %d: %s", i, HEX.formatHex(apdu))
                    .isEqualTo(
                            new DecodedPush.LoadProfilePush(LoadProfileCodec.deviceOf(notification.body()), viaTree));
            assertThat(viaTree).isEqualTo(buffer);
        }
    }

    /** Random rows, instants at any millisecond from 1970 to 2100, values fitting their columns. */
    private static ProfileBuffer randomProfile(Random random) {
        ProfileBuffer.Builder builder = ProfileBuffer.builder(2);
        int rows = random.nextInt(140);
        for (int row = 0; row < rows; row++) {
            long millis = (long) (random.nextDouble() * 4_102_444_800_000L);
            builder.add(
                    Instant.ofEpochMilli(millis - millis % 10),
                    random.nextLong() & 0xFFFF_FFFFL,
                    random.nextInt(0x10000));
        }
        return builder.build();
    }

    /**
     * The same profile with each value in a random integer type that holds it, each capture time randomly as
     * date-time (tag 0x19) or octet-string(12), and a notification date-time present or not.
     */
    private static byte[] randomlyTypedPush(Random random, ProfileBuffer buffer) {
        List<DataValue> rows = new ArrayList<>();
        for (int row = 0; row < buffer.size(); row++) {
            CosemDateTime time = CosemDateTime.ofUtc(buffer.capturedAt(row));
            List<DataValue> cells = new ArrayList<>();
            cells.add(random.nextBoolean() ? new DataValue.DateTime(time) : new DataValue.OctetString(time.toBytes()));
            for (int column = 0; column < 2; column++) {
                long value = buffer.value(row, column);
                List<DataType> fitting = new ArrayList<>();
                for (DataType type : DataType.values()) {
                    if (type.isInteger() && type.fits(value)) {
                        fitting.add(type);
                    }
                }
                cells.add(new DataValue.IntegerValue(fitting.get(random.nextInt(fitting.size())), value));
            }
            rows.add(new DataValue.Structure(cells));
        }
        DataValue body = DataValue.Structure.of(
                new DataValue.OctetString(DEVICE.toBytes()),
                new DataValue.OctetString(Obis.LOAD_PROFILE_1.toBytes()),
                new DataValue.Array(rows));
        CosemDateTime sent = random.nextBoolean() ? null : CosemDateTime.ofUtc(MIDNIGHT);
        return new DataNotification(random.nextInt(1000), sent, body).encode();
    }

    @Test
    void roundTripsEventLogPushesKeepingUnknownCodes() {
        for (Obis log : List.of(Obis.STANDARD_EVENT_LOG, Obis.POWER_FAILURE_EVENT_LOG)) {
            byte[] apdu = PushEncoder.events(9, DEVICE, log, someEvents());

            DecodedPush push = PushDecoder.decode(apdu, MODEL);

            assertThat(push).isEqualTo(new DecodedPush.EventLogPush(DEVICE, log, someEvents()));
            List<MeterEvent> events = ((DecodedPush.EventLogPush) push).events();
            assertThat(events.get(0).known()).contains(MeterEventCode.POWER_DOWN);
            assertThat(events.get(3).known()).isEmpty();
            assertThat(events.get(4).code()).isEqualTo(1024);
        }
    }

    @Test
    void encodesEventEntriesAsTheBlueBookTypesAndDataNotificationReadsThem() {
        byte[] apdu = PushEncoder.events(
                1, DEVICE, Obis.STANDARD_EVENT_LOG, List.of(MeterEvent.of(MIDNIGHT, MeterEventCode.POWER_DOWN)));
        DataValue.Structure body =
                (DataValue.Structure) DataNotification.decode(apdu).body();
        DataValue.Structure entry = (DataValue.Structure)
                ((DataValue.Array) body.elements().get(2)).elements().get(0);

        assertThat(body.elements().get(1)).isEqualTo(new DataValue.OctetString(Obis.STANDARD_EVENT_LOG.toBytes()));
        assertThat(entry.elements())
                .containsExactly(
                        new DataValue.OctetString(CosemDateTime.ofUtc(MIDNIGHT).toBytes()),
                        new DataValue.IntegerValue(DataType.UNSIGNED, 1));
    }

    @Test
    void roundTripsARegisterReadoutPush() {
        byte[] apdu = PushEncoder.registers(3, DEVICE, someRegisters());

        assertThat(PushDecoder.decode(apdu, MODEL)).isEqualTo(new DecodedPush.RegisterPush(DEVICE, someRegisters()));
        DataValue.Structure entry = (DataValue.Structure) ((DataValue.Array)
                        ((DataValue.Structure) DataNotification.decode(apdu).body())
                                .elements()
                                .get(2))
                .elements()
                .get(1);
        assertThat(entry.elements().get(2))
                .isEqualTo(DataValue.Structure.of(
                        new DataValue.IntegerValue(DataType.INTEGER, -2),
                        new DataValue.IntegerValue(DataType.ENUM, CaptureObject.UNIT_WATT_HOUR)));
    }

    @Test
    void rejectsAPushedObjectTheModelDoesNotPush() {
        MeterModel quiet = new MeterModel("MG-0", LAYOUT, Set.of(), List.of());

        assertThatThrownBy(() -> PushDecoder.decode(
                        PushEncoder.events(1, DEVICE, Obis.POWER_FAILURE_EVENT_LOG, someEvents()), quiet))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 18")
                .hasMessageContaining("0.0.99.97.0.255")
                .hasMessageContaining("MG-0");
        assertThatThrownBy(() -> PushDecoder.decode(PushEncoder.registers(1, DEVICE, someRegisters()), quiet))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0.0.21.0.1.255");
    }

    @Test
    void rejectsARegisterTheModelDoesNotReadNamingRowAndColumn() {
        List<RegisterValue> values = List.of(
                someRegisters().get(0), new RegisterValue(Obis.VOLTAGE_L1, 230, 0, CaptureObject.UNIT_VOLT, MIDNIGHT));

        assertThatThrownBy(() -> PushDecoder.decode(PushEncoder.registers(1, DEVICE, values), MODEL))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 1 column 0")
                .hasMessageContaining("1.0.32.7.0.255");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfColumnsNamingTheRow() {
        ProfileLayout three = ProfileLayout.of(
                Duration.ofMinutes(15),
                CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
                CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
                CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT));
        byte[] apdu = PushEncoder.loadProfile(1, DEVICE, LAYOUT, day(new Random(2), 4));

        assertThatThrownBy(() -> PushDecoder.decode(apdu, new MeterModel("MG-3", three, Set.of(), List.of())))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 28")
                .hasMessageContaining("row 0")
                .hasMessageContaining("expected structure of 4 elements, found structure of 3");
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingRowAndColumn() {
        byte[] apdu = PushEncoder.loadProfile(1, DEVICE, LAYOUT, day(new Random(3), 4));
        int secondRowFirstValue = 28 + 2 + 14 + 5 + 3 + 2 + 14;
        assertThat(apdu[secondRowFirstValue]).isEqualTo((byte) 0x06);
        apdu[secondRowFirstValue] = 0x16; // enum: right width, not an integer type

        assertThatThrownBy(() -> PushDecoder.decode(apdu, MODEL))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset " + secondRowFirstValue)
                .hasMessageContaining("row 1 column 1")
                .hasMessageContaining("1.0.1.29.0.255")
                .hasMessageContaining("enum");
    }

    @Test
    void rejectsAnInvalidCaptureTimeNamingRowAndColumn() {
        byte[] apdu = PushEncoder.events(1, DEVICE, Obis.STANDARD_EVENT_LOG, someEvents());
        apdu[28 + 2 + 2 + 2] = 13; // month of the first entry

        assertThatThrownBy(() -> PushDecoder.decode(apdu, MODEL))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("row 0 column 0");
    }

    @Test
    void rejectsTrailingBytesAndCountsLargerThanTheInput() {
        byte[] apdu = PushEncoder.loadProfile(1, DEVICE, LAYOUT, day(new Random(4), 3));
        byte[] longer = Arrays.copyOf(apdu, apdu.length + 1);
        byte[] moreRows = apdu.clone();
        moreRows[27] = 4;

        assertThatThrownBy(() -> PushDecoder.decode(longer, MODEL)).hasMessageContaining("1 trailing bytes");
        assertThatThrownBy(() -> PushDecoder.decode(moreRows, MODEL))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 26")
                .hasMessageContaining("array of 4 entries");
    }

    @Test
    void raisesOnlyMalformedApduWhenTruncatedAtEveryOffset() {
        for (byte[] apdu : allKinds()) {
            for (int length = 0; length < apdu.length; length++) {
                byte[] truncated = Arrays.copyOf(apdu, length);
                assertThat(catchThrowable(() -> PushDecoder.decode(truncated, MODEL)))
                        .as("length %d of %s", length, HEX.formatHex(apdu))
                        .isExactlyInstanceOf(MalformedApdu.class);
            }
        }
    }

    @Test
    void raisesNothingButMalformedApduWhenAnyByteIsChanged() {
        Random random = new Random(7);
        for (byte[] apdu : allKinds()) {
            for (int i = 0; i < apdu.length; i++) {
                for (int n = 0; n < 24; n++) {
                    byte[] input = apdu.clone();
                    input[i] = (byte) random.nextInt(256);
                    Throwable thrown = catchThrowable(() -> PushDecoder.decode(input, MODEL));
                    if (thrown != null) {
                        assertThat(thrown).as(HEX.formatHex(input)).isExactlyInstanceOf(MalformedApdu.class);
                    }
                }
            }
        }
    }

    private static List<byte[]> allKinds() {
        return List.of(
                PushEncoder.loadProfile(1, DEVICE, LAYOUT, day(new Random(5), 3)),
                PushEncoder.events(2, DEVICE, Obis.STANDARD_EVENT_LOG, someEvents()),
                PushEncoder.registers(3, DEVICE, someRegisters()));
    }

    @Test
    void refusesToEncodeWhatTheLayoutCannotHold() {
        ProfileBuffer tooHigh =
                ProfileBuffer.builder(2).add(MIDNIGHT, 1, 70_000).build();

        assertThatThrownBy(() -> PushEncoder.loadProfile(1, DEVICE, LAYOUT, tooHigh))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 column 2");
        assertThatThrownBy(() -> PushEncoder.events(1, DEVICE, Obis.LOAD_PROFILE_1, someEvents()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0.99.1.0.255");
    }

    /** {@code apdu} at offset 5 of a larger array, followed by {@code after}. */
    private static byte[] embedded(byte[] apdu, int length, byte[] after) {
        byte[] bytes = new byte[5 + length + after.length];
        Arrays.fill(bytes, 0, 5, (byte) 0x02);
        System.arraycopy(apdu, 0, bytes, 5, length);
        System.arraycopy(after, 0, bytes, 5 + length, after.length);
        return bytes;
    }

    /** The outcome of a decode as a comparable string: the push, or the failure's class and message. */
    private static String outcome(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        Throwable thrown = catchThrowable(decode);
        return thrown == null ? "ok" : thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }

    @Test
    void decodesARangeExactlyAsTheSameBytesAloneReadingNothingOutsideIt() {
        List<byte[]> apdus = new ArrayList<>(allKinds());
        apdus.add(PushEncoder.loadProfile(9, DEVICE, LAYOUT, day(new Random(8), 96)));
        for (byte[] apdu : apdus) {
            byte[] inside = embedded(apdu, apdu.length, new byte[] {0x11, 0x22});
            assertThat(PushDecoder.decode(inside, 5, apdu.length, MODEL)).isEqualTo(PushDecoder.decode(apdu, MODEL));
            for (int length = 0; length < apdu.length; length++) {
                byte[] alone = Arrays.copyOf(apdu, length);
                // the rest of the APDU follows the range: a decoder reading past its end would succeed
                byte[] range = embedded(apdu, apdu.length, new byte[0]);
                int n = length;
                assertThat(outcome(() -> PushDecoder.decode(range, 5, n, MODEL)))
                        .as("length %d", length)
                        .startsWith("MalformedApdu")
                        .isEqualTo(outcome(() -> PushDecoder.decode(alone, MODEL)));
            }
        }
        assertThatThrownBy(() -> PushDecoder.decode(new byte[10], 6, 5, MODEL))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void namesTheSameOffsetsInARangeAsInTheBytesAlone() {
        Random random = new Random(11);
        for (byte[] apdu : allKinds()) {
            for (int i = 0; i < apdu.length; i++) {
                for (int n = 0; n < 8; n++) {
                    byte[] changed = apdu.clone();
                    changed[i] = (byte) random.nextInt(256);
                    byte[] range = embedded(changed, changed.length, new byte[] {0});
                    assertThat(outcome(() -> PushDecoder.decode(range, 5, changed.length, MODEL)))
                            .as(HEX.formatHex(changed))
                            .isEqualTo(outcome(() -> PushDecoder.decode(changed, MODEL)));
                }
            }
        }
    }

    /**
     * A day of rows sharing their date, every value in a random integer type, then random changes to the capture
     * times' bytes (time of day, day of week, hundredths, deviation, status; some invalid): the decoder's fast rows
     * and day cache must agree with the DataValue-tree path on every result and refusal.
     */
    @Test
    void decodesDaysOfMixedTypesAndOddClockBytesLikeTheTreePath() {
        Random random = new Random(96);
        int[] interesting = {0, 1, 7, 8, 23, 24, 59, 60, 99, 100, 0x7F, 0x80, 0xFE, 0xFF};
        for (int i = 0; i < 400; i++) {
            ProfileBuffer.Builder builder = ProfileBuffer.builder(2);
            for (int row = 1; row <= 96; row++) {
                builder.add(
                        MIDNIGHT.plus(Duration.ofMinutes(15L * row - random.nextInt(2) * 7)),
                        random.nextBoolean() ? random.nextLong() & Long.MAX_VALUE : random.nextInt(70_000) - 35_000,
                        random.nextInt(0x10000));
            }
            byte[] apdu = octetStringTimes(randomlyTypedPush(random, builder.build()));
            for (int change = random.nextInt(4); change > 0; change--) {
                int row = random.nextInt(96);
                int at = timeOffset(apdu, row) + 4 + random.nextInt(8); // day of week .. status
                apdu[at] = (byte) interesting[random.nextInt(interesting.length)];
            }
            String viaTree = outcome(() ->
                    LoadProfileCodec.decodeBody(DataNotification.decode(apdu).body(), LAYOUT));
            String fast = outcome(() -> PushDecoder.decode(apdu, MODEL));
            if (viaTree.equals("ok")) {
                assertThat(fast).as(HEX.formatHex(apdu)).isEqualTo("ok");
                assertThat(((DecodedPush.LoadProfilePush) PushDecoder.decode(apdu, MODEL)).buffer())
                        .as(HEX.formatHex(apdu))
                        .isEqualTo(LoadProfileCodec.decodeBody(
                                DataNotification.decode(apdu).body(), LAYOUT));
            } else {
                assertThat(fast).as("%s: %s", viaTree, HEX.formatHex(apdu)).startsWith("MalformedApdu");
            }
        }
    }

    /** The push with every capture time as octet-string(12) (the usual row), re-encoded through the tree. */
    private static byte[] octetStringTimes(byte[] apdu) {
        DataNotification notification = DataNotification.decode(apdu);
        List<DataValue> elements = ((DataValue.Structure) notification.body()).elements();
        List<DataValue> rows = new ArrayList<>();
        for (DataValue entry : ((DataValue.Array) elements.get(2)).elements()) {
            List<DataValue> cells = new ArrayList<>(((DataValue.Structure) entry).elements());
            if (cells.get(0) instanceof DataValue.DateTime time) {
                cells.set(0, new DataValue.OctetString(time.value().toBytes()));
            }
            rows.add(new DataValue.Structure(cells));
        }
        DataValue body = DataValue.Structure.of(elements.get(0), elements.get(1), new DataValue.Array(rows));
        return new DataNotification(notification.longInvokeIdAndPriority(), null, body).encode();
    }

    /** Offset of the 12 date-time bytes of {@code row}, walking the rows of a push without notification time. */
    private static int timeOffset(byte[] apdu, int row) {
        int at = 28; // first row: 6 + structure(3) 2 + device 10 + object 8 + array 0x01 0x60
        for (int r = 0; ; r++) {
            if (r == row) {
                return at + 4;
            }
            at += 4 + 12;
            for (int column = 0; column < 2; column++) {
                at += 1 + DataType.fromTag(apdu[at] & 0xFF).width();
            }
        }
    }
}
