package org.meterguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.SystemTitle;

class LoadShapeTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    @Test
    void aValueDoesNotDependOnWhatTheShapeComputedBefore() {
        List<SimulatedMeter> meters = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            meters.add(new SimulatedMeter(
                    "MG-" + seed,
                    new SystemTitle(0x4D47530000000000L + seed),
                    CipheringKeys.generate(new SecureRandom())));
        }
        // A year of intervals (two DST changes) in random order: many share a slot of the shape's local-time cache.
        List<Instant> starts = new ArrayList<>();
        for (Instant at = Instant.parse("2026-01-01T00:00:00Z");
                at.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                at = at.plus(INTERVAL)) {
            starts.add(at);
        }
        Collections.shuffle(starts, new Random(7));
        LoadShape shared = new LoadShape(ZONE, INTERVAL);
        for (Instant start : starts) {
            for (SimulatedMeter meter : meters) {
                LoadShape fresh = new LoadShape(ZONE, INTERVAL);
                assertThat(shared.importWh(meter, start))
                        .as("import at %s", start)
                        .isEqualTo(fresh.importWh(meter, start));
                assertThat(shared.exportWh(meter, start))
                        .as("export at %s", start)
                        .isEqualTo(fresh.exportWh(meter, start));
            }
        }
    }

    @Test
    void theEveningPeakFollowsLocalTimeAcrossTheSpringForward() {
        SimulatedMeter meter = new SimulatedMeter(
                "MG-1", new SystemTitle(0x4D47530000000001L), CipheringKeys.generate(new SecureRandom()));
        LoadShape shape = new LoadShape(ZONE, INTERVAL);
        // 19:00 local is 03:00Z in winter (PST) and 02:00Z after 8 March 2026 (PDT); 04:00 local is the night's low.
        long winterPeak = shape.importWh(meter, Instant.parse("2026-03-07T03:00:00Z"));
        long winterNight = shape.importWh(meter, Instant.parse("2026-03-07T12:00:00Z"));
        long summerPeak = shape.importWh(meter, Instant.parse("2026-03-10T02:00:00Z"));
        long summerNight = shape.importWh(meter, Instant.parse("2026-03-10T11:00:00Z"));
        assertThat(winterPeak).isGreaterThan(winterNight);
        assertThat(summerPeak).isGreaterThan(summerNight);
    }
}
