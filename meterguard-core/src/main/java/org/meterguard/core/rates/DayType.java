package org.meterguard.core.rates;

/** How a rate plan treats a local date: a holiday of the plan's list comes before the weekend rule. */
public enum DayType {
    /** A working day that is not on the plan's holiday list. */
    WEEKDAY,
    /** A weekend day (by default Saturday and Sunday) that is not on the plan's holiday list. */
    WEEKEND,
    /** A date on the plan's holiday list, whatever its day of week. */
    HOLIDAY
}
