package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
    private final Map<String, HolidayCalendar> calendars = RatePlanYaml.builtInHolidayCalendars();

    @Test
    void federalHolidaysOf2026AreObservedOnTheNearestWeekday() {
        Map<LocalDate, String> dates = calendars.get("us-federal").dates(2026, 2026);

        // July 4 2026 is a Saturday: observed Friday July 3. Thanksgiving: fourth Thursday, November 26.
        assertThat(dates)
                .containsKeys(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 19),
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 6, 19),
                        LocalDate.of(2026, 7, 3),
                        LocalDate.of(2026, 9, 7),
                        LocalDate.of(2026, 10, 12),
                        LocalDate.of(2026, 11, 11),
                        LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 12, 25))
                .hasSize(11);
        assertThat(dates.get(LocalDate.of(2026, 7, 3))).isEqualTo("Independence Day");
    }

    @Test
    void aSaturdayNewYearsDayIsObservedOnTheLastDayOfTheYearBefore() {
        // January 1 2028 is a Saturday.
        assertThat(calendars.get("us-federal").dates(2028, 2028))
                .containsEntry(LocalDate.of(2027, 12, 31), "New Year's Day");
    }

    @Test
    void utilityHolidaysMoveOnlyFromSunday() {
        HolidayCalendar utility = calendars.get("us-utility-tou");

        // July 4 2026 is a Saturday and stays; Christmas 2022 was a Sunday and moved to Monday December 26.
        assertThat(utility.holidayOn(LocalDate.of(2026, 7, 4))).hasValue("Independence Day");
        assertThat(utility.holidayOn(LocalDate.of(2026, 7, 3))).isEmpty();
        assertThat(utility.holidayOn(LocalDate.of(2022, 12, 26))).hasValue("Christmas Day");
        assertThat(utility.dates(2026, 2026)).hasSize(8);
    }

    @Test
    void aRuleThatIsNoDateIsRefusedNamingIt() {
        assertThatThrownBy(() -> Holiday.fixed("Nonesuch", Month.FEBRUARY, 30, Holiday.Observance.NONE))
                .hasMessageContaining("Nonesuch")
                .hasMessageContaining("30");
        assertThatThrownBy(() -> Holiday.nthWeekday("Sixth Monday", Month.MAY, DayOfWeek.MONDAY, 6))
                .hasMessageContaining("Sixth Monday");
    }
}
