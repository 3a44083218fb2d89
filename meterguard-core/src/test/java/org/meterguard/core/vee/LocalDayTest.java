package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.vee.DayData.LOS_ANGELES;
import static org.meterguard.core.vee.DayData.day;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDayTest {

    @Test
    void countsQuarterHoursOfOrdinaryAndDaylightSavingDays() {
        assertThat(day("2026-03-07").size()).isEqualTo(96);
        assertThat(day("2026-03-08").size()).isEqualTo(92);
        assertThat(day("2026-11-01").size()).isEqualTo(100);
        assertThat(day("2026-11-01").starts())
                .hasSize(100)
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void countsHoursOfDaylightSavingDays() {
        Duration hour = Duration.ofHours(1);
        assertThat(new LocalDay(LOS_ANGELES, LocalDate.of(2026, 3, 8), hour).size())
                .isEqualTo(23);
        assertThat(new LocalDay(LOS_ANGELES, LocalDate.of(2026, 3, 9), hour).size())
                .isEqualTo(24);
        assertThat(new LocalDay(LOS_ANGELES, LocalDate.of(2026, 11, 1), hour).size())
                .isEqualTo(25);
    }

    @Test
    void startsAtLocalMidnightAndEndsAtTheNextOne() {
        LocalDay springForward = day("2026-03-08");
        assertThat(springForward.first()).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(springForward.end()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(springForward.next().first()).isEqualTo(springForward.end());
        assertThat(springForward.start(91)).isEqualTo(Instant.parse("2026-03-09T06:45:00Z"));
    }

    @Test
    void skipsTheMissingHourInProfileSlotsOnSpringForward() {
        LocalDay day = day("2026-03-08");
        assertThat(day.profileSlot(7)).isEqualTo(7); // 01:45 PST
        assertThat(day.profileSlot(8)).isEqualTo(12); // 03:00 PDT follows
        assertThat(day.profileSlot(91)).isEqualTo(95);
        List<Integer> slots = java.util.stream.IntStream.range(0, day.size())
                .map(day::profileSlot)
                .boxed()
                .toList();
        assertThat(slots).doesNotContain(8, 9, 10, 11).doesNotHaveDuplicates();
    }

    @Test
    void mapsBothPassesOfTheRepeatedHourToTheSameProfileSlotsOnFallBack() {
        LocalDay day = day("2026-11-01");
        assertThat(day.start(4)).isEqualTo(Instant.parse("2026-11-01T08:00:00Z")); // 01:00 PDT
        assertThat(day.start(8)).isEqualTo(Instant.parse("2026-11-01T09:00:00Z")); // 01:00 PST
        assertThat(day.profileSlot(4)).isEqualTo(4);
        assertThat(day.profileSlot(8)).isEqualTo(4);
        assertThat(day.profileSlot(11)).isEqualTo(7);
        assertThat(day.profileSlot(12)).isEqualTo(8); // 02:00 PST
        assertThat(day.profileSlot(99)).isEqualTo(95);
    }

    @Test
    void findsTheIndexOfItsOwnIntervalStartsOnly() {
        LocalDay day = day("2026-11-01");
        assertThat(day.indexOf(Instant.parse("2026-11-01T09:00:00Z"))).hasValue(8);
        assertThat(day.indexOf(Instant.parse("2026-11-01T09:05:00Z"))).isEmpty();
        assertThat(day.indexOf(day.end())).isEmpty();
        assertThat(LocalDay.containing(Instant.parse("2026-11-02T07:59:00Z"), LOS_ANGELES, Duration.ofMinutes(15))
                        .date())
                .isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void tellsWeekendsFromWeekdays() {
        assertThat(day("2026-03-08").dayType()).isEqualTo(DayType.WEEKEND);
        assertThat(day("2026-03-07").dayType()).isEqualTo(DayType.WEEKEND);
        assertThat(day("2026-03-09").dayType()).isEqualTo(DayType.WEEKDAY);
    }

    @Test
    void rejectsADayWhoseMidnightIsOffTheGrid() {
        assertThatThrownBy(() -> new LocalDay(ZoneId.of("Asia/Kolkata"), LocalDate.of(2026, 3, 8), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Asia/Kolkata")
                .hasMessageContaining("PT1H grid");
        assertThat(new LocalDay(ZoneId.of("Asia/Kolkata"), LocalDate.of(2026, 3, 8), Duration.ofMinutes(15)).size())
                .isEqualTo(96);
    }
}
