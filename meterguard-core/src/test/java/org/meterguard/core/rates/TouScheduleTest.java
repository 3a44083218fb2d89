package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.rates.Plans.SUMMER;
import static org.meterguard.core.rates.Plans.WINTER;
import static org.meterguard.core.rates.TouPeriod.OFF_PEAK;
import static org.meterguard.core.rates.TouPeriod.ON_PEAK;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TouScheduleTest {
    private final TouSchedule schedule = Plans.residential();

    @Test
    void appliesOnPeakOnlyOnWeekdayAfternoons() {
        // 2026-07-01 is a Wednesday, 2026-07-04 a Saturday.
        assertThat(schedule.periodAt(LocalDateTime.parse("2026-07-01T16:00"))).isEqualTo(ON_PEAK);
        assertThat(schedule.periodAt(LocalDateTime.parse("2026-07-01T15:45"))).isEqualTo(OFF_PEAK);
        assertThat(schedule.periodAt(LocalDateTime.parse("2026-07-04T17:00"))).isEqualTo(OFF_PEAK);
        assertThat(schedule.dayType(LocalDate.of(2026, 7, 4))).isEqualTo(DayType.WEEKEND);
        assertThat(schedule.dayType(LocalDate.of(2026, 7, 1))).isEqualTo(DayType.WEEKDAY);
    }

    @Test
    void appliesTheHolidayScheduleOnAListedWeekday() {
        // 2026-07-03 is a Friday, the observed Independence Day.
        assertThat(schedule.dayType(Plans.INDEPENDENCE_DAY)).isEqualTo(DayType.HOLIDAY);
        assertThat(schedule.periodAt(Plans.INDEPENDENCE_DAY.atTime(17, 0))).isEqualTo(OFF_PEAK);
        assertThat(schedule.periodAt(LocalDateTime.parse("2026-07-02T17:00"))).isEqualTo(ON_PEAK);
    }

    @Test
    void changesSeasonBetweenItsLastAndFirstDays() {
        assertThat(schedule.season(LocalDate.of(2026, 5, 31))).isEqualTo(WINTER);
        assertThat(schedule.season(LocalDate.of(2026, 6, 1))).isEqualTo(SUMMER);
        assertThat(schedule.season(LocalDate.of(2026, 9, 30))).isEqualTo(SUMMER);
        assertThat(schedule.season(LocalDate.of(2026, 10, 1))).isEqualTo(WINTER);
        assertThat(schedule.season(LocalDate.of(2028, 2, 29))).isEqualTo(WINTER);
        assertThat(schedule.seasonPeriodAt(LocalDateTime.parse("2026-09-30T17:00")))
                .isEqualTo(new SeasonPeriod(SUMMER, ON_PEAK));
        assertThat(schedule.seasonPeriodAt(LocalDateTime.parse("2026-10-01T17:00")))
                .isEqualTo(new SeasonPeriod(WINTER, ON_PEAK));
    }

    @Test
    void numbersEachSeasonPeriodOnce() {
        assertThat(schedule.seasonPeriods())
                .containsExactly(
                        new SeasonPeriod(SUMMER, OFF_PEAK),
                        new SeasonPeriod(SUMMER, ON_PEAK),
                        new SeasonPeriod(WINTER, OFF_PEAK),
                        new SeasonPeriod(WINTER, ON_PEAK));
    }

    @Test
    void honoursOtherWeekendDays() {
        TouSchedule fridayWeekend = TouSchedule.builder()
                .season(Season.ALL_YEAR, weekdays(), DaySchedule.allDay(OFF_PEAK))
                .weekendDays(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY))
                .build();

        assertThat(fridayWeekend.dayType(LocalDate.of(2026, 7, 3))).isEqualTo(DayType.WEEKEND);
        assertThat(fridayWeekend.dayType(LocalDate.of(2026, 7, 5))).isEqualTo(DayType.WEEKDAY);
    }

    @Test
    void rejectsSeasonsThatShareADateNamingBoth() {
        Season autumn = new Season("autumn", MonthDay.of(9, 30), MonthDay.of(10, 31));
        TouSchedule.Builder builder = TouSchedule.builder()
                .season(SUMMER, weekdays(), weekdays())
                .season(autumn, weekdays(), weekdays())
                .season(new Season("rest", MonthDay.of(11, 1), MonthDay.of(5, 31)), weekdays(), weekdays());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("season autumn (09-30 to 10-31) overlaps summer (06-01 to 09-30) on 09-30");
    }

    @Test
    void rejectsAYearNotFullyCoveredNamingTheGap() {
        TouSchedule.Builder builder = TouSchedule.builder()
                .season(SUMMER, weekdays(), weekdays())
                .season(new Season("winter", MonthDay.of(11, 1), MonthDay.of(5, 31)), weekdays(), weekdays());

        assertThatThrownBy(builder::build).hasMessage("no season covers 10-01 to 10-31");
    }

    @Test
    void rejectsAGapAtTheEndOfTheYear() {
        TouSchedule.Builder builder = TouSchedule.builder()
                .season(new Season("most", MonthDay.of(1, 1), MonthDay.of(12, 30)), weekdays(), weekdays());

        assertThatThrownBy(builder::build).hasMessage("no season covers 12-31 to 12-31");
    }

    @Test
    void rejectsASeasonAddedTwiceAndAnEmptySchedule() {
        assertThatThrownBy(() -> TouSchedule.builder()
                        .season(SUMMER, weekdays(), weekdays())
                        .season(new Season("summer", MonthDay.of(10, 1), MonthDay.of(5, 31)), weekdays(), weekdays()))
                .hasMessage("season summer is added twice");
        assertThatThrownBy(() -> TouSchedule.builder().build()).hasMessageContaining("at least one season");
    }

    @Test
    void rejectsMoreSeasonPeriodsThanAByteCanNumber() {
        DaySchedule.Builder day = DaySchedule.builder();
        for (int hour = 0; hour < 24; hour++) {
            day.window(
                    new TouPeriod("hour-" + hour),
                    String.format("%02d:00", hour),
                    String.format("%02d:00", (hour + 1) % 24));
        }
        DaySchedule hourly = day.build();
        TouSchedule.Builder builder = TouSchedule.builder();
        for (int month = 1; month <= 6; month++) {
            MonthDay first = MonthDay.of(2 * month - 1, 1);
            MonthDay last = MonthDay.of(
                    2 * month,
                    2 * month == 2 ? 29 : java.time.Month.of(2 * month).maxLength());
            builder.season(new Season("s" + month, first, last), hourly, hourly);
        }

        assertThatThrownBy(builder::build).hasMessage("schedule has 144 season-periods; at most 127 are supported");
    }

    @Test
    void comparesByContent() {
        assertThat(Plans.residential()).isEqualTo(schedule).hasSameHashCodeAs(schedule);
        assertThat(Plans.electricVehicle()).isNotEqualTo(schedule);
        assertThat(schedule.holidays())
                .containsExactlyInAnyOrderElementsOf(List.of(Plans.INDEPENDENCE_DAY, LocalDate.of(2026, 11, 26)));
    }

    private static DaySchedule weekdays() {
        return DaySchedule.builder()
                .window(ON_PEAK, "16:00", "21:00")
                .otherwise(OFF_PEAK)
                .build();
    }
}
