package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CosemDateTimeTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void encodesUtcInstantWithZeroDeviationAndTruncatedHundredths() {
        CosemDateTime time = CosemDateTime.ofUtc(Instant.parse("2024-03-05T12:34:56.789Z"));

        assertThat(HEX.formatHex(time.toBytes())).isEqualTo("07E80305020C22384E000000");
        assertThat(time.dayOfWeek()).isEqualTo(2);
        assertThat(time.toInstant()).isEqualTo(Instant.parse("2024-03-05T12:34:56.780Z"));
    }

    @Test
    void encodesUtcPlusOneAsMinusSixtyMinutes() {
        OffsetDateTime local = OffsetDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1));
        CosemDateTime time = CosemDateTime.of(local);

        assertThat(time.deviationMinutes()).isEqualTo(-60);
        assertThat(HEX.formatHex(time.toBytes())).endsWith("FFC400");
        assertThat(time.hour()).isEqualTo(10);
        assertThat(time.toInstant()).isEqualTo(Instant.parse("2024-07-01T09:00:00Z"));
    }

    @Test
    void encodesUtcMinusFiveAsPlusThreeHundredMinutes() {
        OffsetDateTime local = OffsetDateTime.of(2024, 1, 15, 23, 30, 0, 0, ZoneOffset.ofHours(-5));
        CosemDateTime time = CosemDateTime.of(local);

        assertThat(time.deviationMinutes()).isEqualTo(300);
        assertThat(time.toInstant()).isEqualTo(Instant.parse("2024-01-16T04:30:00Z"));
    }

    @Test
    void roundTripsThroughTwelveBytes() {
        CosemDateTime time = new CosemDateTime(2025, 10, 26, 7, 2, 59, 58, 99, -120, 0x80);
        ByteBuffer buffer = ByteBuffer.allocate(12);
        time.writeTo(buffer);

        assertThat(CosemDateTime.read(buffer.array())).isEqualTo(time);
        assertThat(buffer.remaining()).isZero();
    }

    @Test
    void roundTripsEveryNotSpecifiedField() {
        byte[] bytes = HEX.parseHex("FFFFFFFFFFFFFFFFFF800000");
        CosemDateTime time = CosemDateTime.read(bytes);

        assertThat(time.year()).isEqualTo(CosemDateTime.YEAR_NOT_SPECIFIED);
        assertThat(time.month()).isEqualTo(CosemDateTime.NOT_SPECIFIED);
        assertThat(time.hundredths()).isEqualTo(CosemDateTime.NOT_SPECIFIED);
        assertThat(time.deviationMinutes()).isEqualTo(CosemDateTime.DEVIATION_NOT_SPECIFIED);
        assertThat(time.toBytes()).isEqualTo(bytes);
    }

    @Test
    void roundTripsDaylightSavingAndLastDayMarkers() {
        CosemDateTime rule = new CosemDateTime(0xFFFF, 0xFE, 0xFE, 7, 2, 0, 0, 0xFF, 0x8000, 0);

        assertThat(CosemDateTime.read(rule.toBytes())).isEqualTo(rule);
        assertThatThrownBy(rule::toInstant)
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("year");
    }

    @Test
    void normalisesMinus32768ToTheNotSpecifiedDeviation() {
        CosemDateTime time = new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 0, Short.MIN_VALUE, 0);

        assertThat(time.deviationMinutes()).isEqualTo(CosemDateTime.DEVIATION_NOT_SPECIFIED);
        assertThat(time).isEqualTo(new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 0, 0x8000, 0));
    }

    @Test
    void refusesToMakeAnInstantWithoutDeviationOrHour() {
        CosemDateTime noDeviation = new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 0, 0x8000, 0);
        CosemDateTime noHour = new CosemDateTime(2024, 1, 1, 1, 0xFF, 0, 0, 0, 0, 0);

        assertThatThrownBy(noDeviation::toInstant).hasMessageContaining("deviation");
        assertThatThrownBy(noHour::toInstant).hasMessageContaining("hour");
    }

    @Test
    void treatsUnspecifiedHundredthsAsZero() {
        CosemDateTime time = new CosemDateTime(2024, 2, 29, 0xFF, 12, 0, 0, 0xFF, 0, 0);

        assertThat(time.toInstant()).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    }

    @Test
    void refusesADateThatDoesNotExist() {
        CosemDateTime time = new CosemDateTime(2023, 2, 29, 0xFF, 12, 0, 0, 0, 0, 0);

        assertThatThrownBy(time::toInstant).isInstanceOf(DateTimeException.class);
    }

    @Test
    void rejectsFieldsOutOfRangeNamingThem() {
        assertThatThrownBy(() -> new CosemDateTime(2024, 13, 1, 1, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("month 13");
        assertThatThrownBy(() -> new CosemDateTime(2024, 1, 1, 8, 0, 0, 0, 0, 0, 0))
                .hasMessageContaining("day of week 8");
        assertThatThrownBy(() -> new CosemDateTime(2024, 1, 1, 1, 24, 0, 0, 0, 0, 0))
                .hasMessageContaining("hour 24");
        assertThatThrownBy(() -> new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 100, 0, 0))
                .hasMessageContaining("hundredths 100");
        assertThatThrownBy(() -> new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 0, 841, 0))
                .hasMessageContaining("deviation 841");
        assertThatThrownBy(() -> new CosemDateTime(2024, 1, 1, 1, 0, 0, 0, 0, 0, 256))
                .hasMessageContaining("clock status 256");
    }

    @Test
    void readRejectsOtherLengthsNamingTheLength() {
        assertThatThrownBy(() -> CosemDateTime.read(new byte[13]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13 bytes");
    }

    @Test
    void rejectsOffsetsThatAreNotWholeMinutes() {
        OffsetDateTime odd = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(3630));

        assertThatThrownBy(() -> CosemDateTime.of(odd)).hasMessageContaining("+01:00:30");
    }
}
