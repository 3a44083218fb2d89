package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.rates.Plans.PACIFIC;
import static org.meterguard.core.rates.Plans.SUMMER;
import static org.meterguard.core.rates.Plans.WINTER;
import static org.meterguard.core.rates.TouPeriod.OFF_PEAK;
import static org.meterguard.core.rates.TouPeriod.ON_PEAK;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.meterguard.core.IntervalGrid;

class TouCalendarTest {
    private final TouCalendar calendar = new TouCalendar(Plans.residential(), PACIFIC, IntervalGrid.QUARTER_HOURLY);

    @Test
    void readsTheScheduleOnTheLocalWallClockOfEachInterval() {
        // Wednesday 2026-07-01, PDT (UTC-7): on-peak 16:00–21:00 local is 23:00–04:00 UTC.
        assertThat(calendar.seasonPeriodOf(Instant.parse("2026-07-01T22:45:00Z")))
                .isEqualTo(new SeasonPeriod(SUMMER, OFF_PEAK));
        assertThat(calendar.seasonPeriodOf(Instant.parse("2026-07-01T23:00:00Z")))
                .isEqualTo(new SeasonPeriod(SUMMER, ON_PEAK));
        assertThat(calendar.seasonPeriodOf(Instant.parse("2026-07-02T03:45:00Z")))
                .isEqualTo(new SeasonPeriod(SUMMER, ON_PEAK));
        assertThat(calendar.seasonPeriodOf(Instant.parse("2026-07-02T04:00:00Z")))
                .isEqualTo(new SeasonPeriod(SUMMER, OFF_PEAK));
    }

    @Test
    void mapsAUtcDaySpanningAWeekendAndAWeekdayAfterSpringForward() {
        // UTC 2026-03-09 runs from Sunday 17:00 PDT to Monday 17:00 PDT: the clocks went forward the day before.
        SlotPeriods day = calendar.day(LocalDate.of(2026, 3, 9));
        int winterOffPeak = Plans.residential().seasonPeriods().indexOf(new SeasonPeriod(WINTER, OFF_PEAK));
        int winterOnPeak = Plans.residential().seasonPeriods().indexOf(new SeasonPeriod(WINTER, ON_PEAK));

        assertThat(day.at(0)).as("Sunday 17:00, a weekend").isEqualTo(winterOffPeak);
        assertThat(day.at(91)).as("Monday 15:45 PDT").isEqualTo(winterOffPeak);
        assertThat(day.at(92)).as("Monday 16:00 PDT").isEqualTo(winterOnPeak);
        assertThat(day.at(95)).isEqualTo(winterOnPeak);
        assertThat(calendar.day(LocalDate.of(2026, 3, 10)).at(15))
                .as("Monday 20:45 PDT")
                .isEqualTo(winterOnPeak);
        assertThat(calendar.day(LocalDate.of(2026, 3, 10)).at(16))
                .as("Monday 21:00 PDT")
                .isEqualTo(winterOffPeak);
        // The Monday before, in PST (UTC-8), on-peak began an hour later in UTC.
        assertThat(calendar.day(LocalDate.of(2026, 3, 2)).at(92)).isEqualTo(winterOffPeak);
        assertThat(calendar.day(LocalDate.of(2026, 3, 3)).at(0)).isEqualTo(winterOnPeak);
    }

    @Test
    void keepsTheRunsOfADayInStepWithItsSlots() {
        SlotPeriods day = calendar.day(LocalDate.of(2026, 3, 9));

        assertThat(day.runs()).isEqualTo(2);
        assertThat(day.runStart(0)).isZero();
        assertThat(day.runStart(1)).isEqualTo(92);
        assertThat(day.runStart(2)).isEqualTo(96);
        assertThat(day.runPeriod(1)).isEqualTo(day.at(92));
    }

    @Test
    void sharesOneMapPerUtcDay() {
        assertThat(calendar.day(LocalDate.of(2026, 7, 1))).isSameAs(calendar.day(LocalDate.of(2026, 7, 1)));
    }

    @Test
    void startsABillingDayAtLocalMidnight() {
        assertThat(calendar.startOf(LocalDate.of(2026, 3, 8))).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(calendar.startOf(LocalDate.of(2026, 3, 9))).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void refusesAnIntervalThatAPeriodBoundaryCuts() {
        TouSchedule halfPast = TouSchedule.builder()
                .season(
                        Season.ALL_YEAR,
                        DaySchedule.builder()
                                .window(ON_PEAK, "16:30", "21:00")
                                .otherwise(OFF_PEAK)
                                .build(),
                        DaySchedule.allDay(OFF_PEAK))
                .build();
        TouCalendar hourly = new TouCalendar(halfPast, PACIFIC, new IntervalGrid(Duration.ofHours(1)));

        assertThatThrownBy(() -> hourly.seasonPeriodOf(Instant.parse("2026-07-01T10:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PT1H interval starting 2026-07-01T23:00:00Z (2026-07-01T16:00 in America/Los_Angeles)"
                        + " starts in all-year off-peak but is in all-year on-peak from 16:30;"
                        + " a period boundary must not fall inside an interval");
        assertThat(new TouCalendar(halfPast, PACIFIC, IntervalGrid.QUARTER_HOURLY)
                        .seasonPeriodOf(Instant.parse("2026-07-01T23:30:00Z"))
                        .period())
                .isEqualTo(ON_PEAK);
    }

    @Test
    void refusesHourlyIntervalsInAHalfHourZone() {
        TouCalendar kolkata =
                new TouCalendar(Plans.residential(), ZoneId.of("Asia/Kolkata"), new IntervalGrid(Duration.ofHours(1)));

        assertThatThrownBy(() -> kolkata.seasonPeriodOf(Instant.parse("2026-07-01T00:00:00Z")))
                .hasMessageContaining("from 16:00");
    }
}
