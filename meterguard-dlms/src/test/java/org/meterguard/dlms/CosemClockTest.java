package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free date-time conversion agrees with CosemDateTime on every input. */
class CosemClockTest {
    @Test
    void writesWhatCosemDateTimeWritesForRandomInstants() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong() % 5_000_000_000_000L;
            millis = i % 3 == 0 ? Math.floorDiv(millis, 1000) * 1000 : millis;
            byte[] out = new byte[12];
            CosemClock.write(millis, out, 0);

            assertThat(out)
                    .as("%d", millis)
                    .isEqualTo(CosemDateTime.ofUtc(Instant.ofEpochMilli(millis)).toBytes());
            assertThat(CosemClock.toEpochMilli(out, 0)).isEqualTo(millis - millis % 10 - (millis % 10 < 0 ? 10 : 0));
        }
    }

    @Test
    void acceptsExactlyWhatCosemDateTimeAcceptsAsAnInstant() {
        Random random = new Random(12);
        byte[] valid = CosemDateTime.of(java.time.OffsetDateTime.parse("2024-02-29T23:59:59.99+05:30"))
                .toBytes();
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = valid.clone();
            int changes = 1 + random.nextInt(2);
            for (int c = 0; c < changes; c++) {
                bytes[random.nextInt(12)] = (byte) random.nextInt(256);
            }
            long expected;
            try {
                expected = CosemDateTime.read(bytes).toInstant().toEpochMilli();
            } catch (IllegalArgumentException | DateTimeException e) {
                expected = CosemClock.INVALID;
            }
            assertThat(CosemClock.toEpochMilli(bytes, 0))
                    .as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(expected);
        }
    }
}
