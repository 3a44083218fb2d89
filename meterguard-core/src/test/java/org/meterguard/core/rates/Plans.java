package org.meterguard.core.rates;

import static org.meterguard.core.rates.TouPeriod.OFF_PEAK;
import static org.meterguard.core.rates.TouPeriod.ON_PEAK;
import static org.meterguard.core.rates.TouPeriod.SUPER_OFF_PEAK;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/** Schedules shaped like California's residential time-of-use plans, shared by the tests of this package. */
final class Plans {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final Season SUMMER = new Season("summer", MonthDay.of(6, 1), MonthDay.of(9, 30));
    static final Season WINTER = new Season("winter", MonthDay.of(10, 1), MonthDay.of(5, 31));
    static final LocalDate INDEPENDENCE_DAY = LocalDate.of(2026, 7, 3);

    private Plans() {}

    /** On-peak 16:00–21:00 on weekdays, off-peak otherwise and all day on weekends and holidays. */
    static TouSchedule residential() {
        DaySchedule weekdays = DaySchedule.builder()
                .window(ON_PEAK, "16:00", "21:00")
                .otherwise(OFF_PEAK)
                .build();
        return TouSchedule.builder()
                .season(SUMMER, weekdays, DaySchedule.allDay(OFF_PEAK))
                .season(WINTER, weekdays, DaySchedule.allDay(OFF_PEAK))
                .holidays(List.of(INDEPENDENCE_DAY, LocalDate.of(2026, 11, 26)))
                .build();
    }

    /** An EV plan: super-off-peak 00:00–06:00 every day, on-peak 16:00–21:00 on weekdays, off-peak otherwise. */
    static TouSchedule electricVehicle() {
        DaySchedule weekdays = DaySchedule.builder()
                .window(SUPER_OFF_PEAK, "00:00", "06:00")
                .window(ON_PEAK, "16:00", "21:00")
                .otherwise(OFF_PEAK)
                .build();
        DaySchedule weekends = DaySchedule.builder()
                .window(SUPER_OFF_PEAK, "00:00", "06:00")
                .otherwise(OFF_PEAK)
                .build();
        return TouSchedule.builder().season(Season.ALL_YEAR, weekdays, weekends).build();
    }
}
