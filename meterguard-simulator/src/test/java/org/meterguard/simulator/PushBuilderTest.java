package org.meterguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperFrame;

class PushBuilderTest {
    private final LoadShape shape = new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15));
    private final SimulatedMeter meter = new SimulatedMeter(
            "MG-1", SystemTitle.parse("4D47530000000001"), CipheringKeys.generate(new SecureRandom()));

    @Test
    void buildsAFrameThatDecryptsToTheMetersProfile() {
        List<Instant> starts = FleetRunner.daysOf(
                        Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z"))
                .get(0);
        ProfileBuffer profile = new PushBuilder(shape).profile(meter, starts);
        byte[] frame = PushBuilder.frame(meter, new InvocationCounter(42), profile);

        GeneralGloCiphering apdu =
                GeneralGloCiphering.decode(WrapperFrame.decode(frame).payload());
        assertThat(apdu.systemTitle()).isEqualTo(meter.systemTitle());
        SecuritySuite0.Unprotected clear =
                SecuritySuite0.unprotect(meter.systemTitle(), meter.keys(), apdu.securedContent());
        assertThat(clear.securityControl()).isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
        assertThat(clear.invocationCounter().value()).isEqualTo(42);
        ProfileBuffer decoded = LoadProfileCodec.decodeBody(
                DataNotification.decode(clear.plaintext()).body(), PushBuilder.RESIDENTIAL_LAYOUT);
        assertThat(decoded.size()).isEqualTo(96);
        assertThat(decoded.capturedAt(0)).isEqualTo(Instant.parse("2026-06-01T00:15:00Z"));
        assertThat(decoded.value(0, 0)).isEqualTo(shape.importWh(meter, starts.get(0)));
        assertThat(decoded.value(50, 1)).isEqualTo(shape.exportWh(meter, starts.get(50)));
    }

    @Test
    void givesTheSameValueForTheSameMeterAndIntervalEveryTime() {
        Instant start = Instant.parse("2026-06-01T18:00:00Z");
        assertThat(shape.importWh(meter, start))
                .isEqualTo(shape.importWh(meter, start))
                .isPositive();
    }

    @Test
    void groupsCompleteIntervalsByUtcDay() {
        List<List<Instant>> days =
                FleetRunner.daysOf(Instant.parse("2026-06-01T23:10:00Z"), Instant.parse("2026-06-02T00:40:00Z"));
        assertThat(days).hasSize(2);
        assertThat(days.get(0))
                .containsExactly(
                        Instant.parse("2026-06-01T23:15:00Z"),
                        Instant.parse("2026-06-01T23:30:00Z"),
                        Instant.parse("2026-06-01T23:45:00Z"));
        assertThat(days.get(1))
                .containsExactly(Instant.parse("2026-06-02T00:00:00Z"), Instant.parse("2026-06-02T00:15:00Z"));
    }
}
