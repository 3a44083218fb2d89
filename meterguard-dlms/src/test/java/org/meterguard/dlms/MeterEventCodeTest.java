package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeterEventCodeTest {
    @Test
    void mapsTheStandardEventLogCodes() {
        assertThat(MeterEventCode.POWER_DOWN.code()).isEqualTo(1);
        assertThat(MeterEventCode.POWER_UP.code()).isEqualTo(2);
        assertThat(MeterEventCode.CLOCK_INVALID.code()).isEqualTo(6);
        assertThat(MeterEventCode.TERMINAL_COVER_OPENED.code()).isEqualTo(40);
        assertThat(MeterEventCode.STRONG_DC_FIELD_DETECTED.code()).isEqualTo(42);
        assertThat(MeterEventCode.METER_COVER_CLOSED.code()).isEqualTo(45);
        assertThat(MeterEventCode.CONFIGURATION_CHANGED.code()).isEqualTo(47);
        assertThat(Arrays.stream(MeterEventCode.values())
                        .map(MeterEventCode::code)
                        .distinct())
                .hasSize(MeterEventCode.values().length);
    }

    @Test
    void looksCodesUpAndKeepsUnknownOnes() {
        for (MeterEventCode code : MeterEventCode.values()) {
            assertThat(MeterEventCode.of(code.code())).contains(code);
        }
        assertThat(MeterEventCode.of(0)).isEmpty();
        assertThat(MeterEventCode.of(231)).isEmpty();
        assertThat(MeterEventCode.of(65_535)).isEmpty();
        assertThat(new MeterEvent(Instant.EPOCH, 999).known()).isEmpty();
        assertThat(new MeterEvent(Instant.EPOCH, 44).known()).contains(MeterEventCode.METER_COVER_OPENED);
    }
}
