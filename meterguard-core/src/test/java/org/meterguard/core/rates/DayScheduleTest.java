package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.rates.TouPeriod.MID_PEAK;
import static org.meterguard.core.rates.TouPeriod.OFF_PEAK;
import static org.meterguard.core.rates.TouPeriod.ON_PEAK;
import static org.meterguard.core.rates.TouPeriod.SUPER_OFF_PEAK;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DayScheduleTest {
    @Test
    void fillsTheMinutesNoWindowCoversWithTheOtherwisePeriod() {
        DaySchedule day = DaySchedule.builder()
                .window(ON_PEAK, "16:00", "21:00")
                .otherwise(OFF_PEAK)
                .build();

        assertThat(day.periodAt(LocalTime.of(15, 59))).isEqualTo(OFF_PEAK);
        assertThat(day.periodAt(LocalTime.of(16, 0))).isEqualTo(ON_PEAK);
        assertThat(day.periodAt(LocalTime.of(20, 59))).isEqualTo(ON_PEAK);
        assertThat(day.periodAt(LocalTime.of(21, 0))).isEqualTo(OFF_PEAK);
        assertThat(day.windows()).hasToString("[off-peak 00:00–16:00, on-peak 16:00–21:00, off-peak 21:00–24:00]");
        assertThat(day.periods()).containsExactly(OFF_PEAK, ON_PEAK);
    }

    @Test
    void acceptsWindowsThatTileTheDayInAnyOrder() {
        DaySchedule day = DaySchedule.builder()
                .window(OFF_PEAK, "21:00", "24:00")
                .window(ON_PEAK, "16:00", "21:00")
                .window(OFF_PEAK, "00:00", "16:00")
                .build();

        assertThat(day)
                .isEqualTo(DaySchedule.builder()
                        .window(ON_PEAK, "16:00", "21:00")
                        .otherwise(OFF_PEAK)
                        .build());
    }

    @Test
    void runsAWindowWhoseEndIsNotAfterItsStartOverMidnight() {
        DaySchedule day = DaySchedule.builder()
                .window(SUPER_OFF_PEAK, "21:00", "06:00")
                .otherwise(OFF_PEAK)
                .build();

        assertThat(day.periodAt(LocalTime.of(23, 30))).isEqualTo(SUPER_OFF_PEAK);
        assertThat(day.periodAt(LocalTime.of(0, 0))).isEqualTo(SUPER_OFF_PEAK);
        assertThat(day.periodAt(LocalTime.of(5, 59))).isEqualTo(SUPER_OFF_PEAK);
        assertThat(day.periodAt(LocalTime.of(6, 0))).isEqualTo(OFF_PEAK);
        assertThat(day.periodAt(LocalTime.of(20, 59))).isEqualTo(OFF_PEAK);
    }

    @Test
    void treatsMidnightToMidnightAsTheWholeDay() {
        DaySchedule day =
                DaySchedule.builder().window(OFF_PEAK, "00:00", "00:00").build();

        assertThat(day.windows()).hasToString("[off-peak 00:00–24:00]");
    }

    @Test
    void rejectsOverlappingWindowsNamingBoth() {
        DaySchedule.Builder builder =
                DaySchedule.builder().window(ON_PEAK, "16:00", "21:00").window(MID_PEAK, "20:00", "22:00");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window mid-peak 20:00–22:00 overlaps on-peak 16:00–21:00 at 20:00");
    }

    @Test
    void rejectsAGapNamingTheUncoveredSpan() {
        DaySchedule.Builder builder =
                DaySchedule.builder().window(OFF_PEAK, "00:00", "16:00").window(ON_PEAK, "16:00", "21:00");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no period covers 21:00–24:00; add a window or an otherwise period");
    }

    @Test
    void rejectsAGapInTheMiddleOfTheDay() {
        DaySchedule.Builder builder =
                DaySchedule.builder().window(OFF_PEAK, "00:00", "15:00").window(ON_PEAK, "16:00", "24:00");

        assertThatThrownBy(builder::build).hasMessageContaining("no period covers 15:00–16:00");
    }

    @Test
    void rejectsAnEmptyWindowAndSecondsInTimes() {
        assertThatThrownBy(() -> DaySchedule.builder().window(ON_PEAK, "16:00", "16:00"))
                .hasMessage("window on-peak 16:00–16:00 is empty; 00:00–00:00 is the whole day");
        assertThatThrownBy(() -> DaySchedule.builder().window(ON_PEAK, LocalTime.of(16, 0, 30), LocalTime.of(21, 0)))
                .hasMessageContaining("on-peak 16:00:30–21:00 does not start and end on whole minutes");
    }

    @Test
    void rejectsPeriodNamesThatAreNotPlainWords() {
        assertThatThrownBy(() -> new TouPeriod("On Peak")).hasMessageContaining("'On Peak'");
    }
}
