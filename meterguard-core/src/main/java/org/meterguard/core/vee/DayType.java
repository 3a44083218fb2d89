package org.meterguard.core.vee;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The kind of day a typical profile is kept for. Holidays are not told apart from the weekday they fall on.
 */
public enum DayType {
    /** Monday to Friday. */
    WEEKDAY,
    /** Saturday and Sunday. */
    WEEKEND;

    /** The day type of a local calendar date. */
    public static DayType of(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }
}
