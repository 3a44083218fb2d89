package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
    @Test
    void writesWhatJavaTimeWritesForUtcAndZones() {
        SplittableRandom random = new SplittableRandom(3);
        String[] zones = {"America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "UTC", "Europe/London"};
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            ZoneId zone = ZoneId.of(zones[i % zones.length]);
            StringBuilder utc = new StringBuilder();
            StringBuilder local = new StringBuilder();

            IsoTimes.utc(utc, second);
            IsoTimes.local(local, second, zone);

            Instant instant = Instant.ofEpochSecond(second);
            assertThat(utc.toString()).isEqualTo(instant.toString());
            assertThat(local.toString())
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone)));
        }
    }
}
