package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileLayoutTest {
    private static final CaptureObject ENERGY =
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR);

    @Test
    void requiresTheClockAsFirstCaptureObject() {
        assertThatThrownBy(() -> new ProfileLayout(List.of(ENERGY, CaptureObject.CLOCK), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock");
    }

    @Test
    void requiresAtLeastOneValueColumn() {
        assertThatThrownBy(() -> new ProfileLayout(List.of(CaptureObject.CLOCK), Duration.ofMinutes(15)))
                .hasMessageContaining("at least one value column");
    }

    @Test
    void requiresAPositiveWholeSecondPeriod() {
        assertThatThrownBy(() -> ProfileLayout.of(Duration.ZERO, ENERGY)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> ProfileLayout.of(Duration.ofMillis(1500), ENERGY))
                .hasMessageContaining("PT1.5S");
    }

    @Test
    void copiesTheCaptureObjectsImmutably() {
        List<CaptureObject> objects = new ArrayList<>(List.of(CaptureObject.CLOCK, ENERGY));
        ProfileLayout layout = new ProfileLayout(objects, Duration.ofMinutes(15));
        objects.add(ENERGY);

        assertThat(layout.valueColumns()).isEqualTo(1);
        assertThat(layout.valueColumn(0)).isEqualTo(ENERGY);
        assertThatThrownBy(() -> layout.captureObjects().add(ENERGY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validatesCaptureObjectFieldsNamingThem() {
        assertThatThrownBy(() -> new CaptureObject(3, Obis.VOLTAGE_L1, 2, -129, 35))
                .hasMessageContaining("scaler -129");
        assertThatThrownBy(() -> new CaptureObject(3, Obis.VOLTAGE_L1, 2, 0, 256))
                .hasMessageContaining("unit 256");
        assertThatThrownBy(() -> new CaptureObject(70_000, Obis.VOLTAGE_L1, 2, 0, 35))
                .hasMessageContaining("class id 70000");
        assertThatThrownBy(() -> new CaptureObject(3, Obis.VOLTAGE_L1, 0, 0, 35))
                .hasMessageContaining("attribute index 0");
    }

    @Test
    void describesTheClockColumn() {
        assertThat(CaptureObject.CLOCK.isClock()).isTrue();
        assertThat(CaptureObject.CLOCK.classId()).isEqualTo(8);
        assertThat(CaptureObject.CLOCK.attributeIndex()).isEqualTo(2);
        assertThat(ENERGY.isClock()).isFalse();
    }
}
