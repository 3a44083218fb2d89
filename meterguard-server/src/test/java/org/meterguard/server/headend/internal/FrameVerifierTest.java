package org.meterguard.server.headend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.meters.RegisteredMeter;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.simulator.PushBuilder;

/** A load profile's rows into stored days: each value in its channel, UTC day and slot. */
class FrameVerifierTest {
    private static final RegisteredMeter METER = new RegisteredMeter(
            MeterId.of("MG-DAYS-1"), new SystemTitle(0x4D47_0000_0000_0001L), "MG-SIM-R1", null, List.of());

    @Test
    void rowsAcrossMidnightFallIntoTheirUtcDaysAndSlotsPerChannel() {
        // Capture times end their interval: 00:00 ends 23:45's of the day before.
        ProfileBuffer buffer = ProfileBuffer.builder(2)
                .add(Instant.parse("2026-06-01T23:45:00Z"), 10, 0)
                .add(Instant.parse("2026-06-02T00:00:00Z"), 11, 1)
                .add(Instant.parse("2026-06-02T00:15:00Z"), 12, 2)
                .add(Instant.parse("2026-06-02T06:00:00Z"), 13, 3)
                .build();

        List<IntervalDay> days = FrameVerifier.toDays(METER, PushBuilder.RESIDENTIAL_LAYOUT, buffer);

        assertThat(days)
                .extracting(d -> d.channel() + " " + d.day() + " " + d.filled())
                .containsExactlyInAnyOrder(
                        "ACTIVE_ENERGY_IMPORT 2026-06-01 2",
                        "ACTIVE_ENERGY_IMPORT 2026-06-02 2",
                        "ACTIVE_ENERGY_EXPORT 2026-06-01 2",
                        "ACTIVE_ENERGY_EXPORT 2026-06-02 2");
        IntervalDay firstImport = day(days, Channel.ACTIVE_ENERGY_IMPORT, "2026-06-01");
        assertThat(firstImport.value(94)).isEqualTo(10);
        assertThat(firstImport.value(95)).isEqualTo(11);
        IntervalDay secondExport = day(days, Channel.ACTIVE_ENERGY_EXPORT, "2026-06-02");
        assertThat(secondExport.value(0)).isEqualTo(2);
        assertThat(secondExport.value(23)).isEqualTo(3);
        assertThat(secondExport.quality(23)).isEqualTo(ReadingQuality.RAW);
        assertThat(secondExport.isFilled(1)).isFalse();
    }

    @Test
    void aRowOffTheCapturePeriodsGridIsRejectedNamingIt() {
        for (String off : new String[] {"2026-06-02T00:07:00Z", "2026-06-02T00:15:00.500Z"}) {
            ProfileBuffer buffer = ProfileBuffer.builder(2)
                    .add(Instant.parse("2026-06-02T00:00:00Z"), 1, 0)
                    .add(Instant.parse(off), 2, 0)
                    .build();

            assertThatThrownBy(() -> FrameVerifier.toDays(METER, PushBuilder.RESIDENTIAL_LAYOUT, buffer))
                    .isInstanceOf(FrameRejected.class)
                    .hasMessageContaining(off)
                    .hasMessageContaining("off its PT15M grid");
        }
    }

    private static IntervalDay day(List<IntervalDay> days, Channel channel, String day) {
        return days.stream()
                .filter(d -> d.channel() == channel && d.day().equals(LocalDate.parse(day)))
                .findFirst()
                .orElseThrow();
    }
}
