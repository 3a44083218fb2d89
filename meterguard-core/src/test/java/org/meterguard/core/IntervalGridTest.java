package org.meterguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalGridTest {
    private final IntervalGrid grid = IntervalGrid.QUARTER_HOURLY;

    @Test
    void placesEachQuarterHourInItsUtcDaySlot() {
        Instant start = Instant.parse("2026-03-08T10:15:00Z");
        assertThat(grid.slotsPerDay()).isEqualTo(96);
        assertThat(grid.dayOf(start)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(grid.slotOf(start)).isEqualTo(41);
        assertThat(grid.startOf(LocalDate.of(2026, 3, 8), 41)).isEqualTo(start);
    }

    @Test
    void keepsTheLastSlotOfADayInThatDay() {
        Instant last = Instant.parse("2026-11-01T23:45:00Z");
        assertThat(grid.dayOf(last)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(grid.slotOf(last)).isEqualTo(95);
        assertThat(grid.dayOf(last.plus(Duration.ofMinutes(15)))).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void handlesInstantsBeforeTheEpoch() {
        Instant start = Instant.parse("1969-12-31T23:45:00Z");
        assertThat(grid.dayOf(start)).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(grid.slotOf(start)).isEqualTo(95);
    }

    @Test
    void rejectsStartsOffTheGrid() {
        assertThatThrownBy(() -> grid.slotOf(Instant.parse("2026-03-08T10:16:00Z")))
                .hasMessageContaining("not on the PT15M grid");
    }

    @Test
    void rejectsIntervalsThatDoNotDivideADay() {
        assertThatThrownBy(() -> new IntervalGrid(Duration.ofMinutes(7))).hasMessageContaining("PT7M");
        assertThat(new IntervalGrid(Duration.ofHours(1)).slotsPerDay()).isEqualTo(24);
    }
}
