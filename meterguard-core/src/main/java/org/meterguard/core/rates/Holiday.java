package org.meterguard.core.rates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * One holiday of a {@link HolidayCalendar} as a rule for any year: a fixed date (January 1), or the n-th or last
 * weekday of a month (the third Monday of February, the last Monday of May). A fixed date that falls on a
 * weekend may be <em>observed</em> on a weekday: {@link Observance#NEAREST_WEEKDAY} as US federal holidays are
 * (5 U.S.C. 6103: Saturday on the Friday before, Sunday on the Monday after), or
 * {@link Observance#SUNDAY_TO_MONDAY} as many utility time-of-use tariffs do (a Saturday holiday stays put).
 *
 * @param name the holiday's name, as a bill may print it
 * @param month its month
 * @param dayOfMonth for a fixed date, its day of the month; 0 for a weekday rule
 * @param weekday for a weekday rule, the day of the week; null for a fixed date
 * @param nth for a weekday rule, 1 to 5 for the n-th such weekday, -1 for the last; 0 for a fixed date
 * @param observance for a fixed date, whether and how a weekend date moves to a weekday
 */
public record Holiday(String name, Month month, int dayOfMonth, DayOfWeek weekday, int nth, Observance observance) {
    /** How a fixed-date holiday on a weekend is observed. */
    public enum Observance {
        /** On its date, whatever the day of week. */
        NONE,
        /** Saturday on the Friday before, Sunday on the Monday after. */
        NEAREST_WEEKDAY,
        /** Sunday on the Monday after; Saturday on its date. */
        SUNDAY_TO_MONDAY
    }

    public Holiday {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a holiday needs a name");
        }
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(observance, "observance");
        if (weekday == null) {
            if (dayOfMonth < 1 || dayOfMonth > month.maxLength() || nth != 0) {
                throw new IllegalArgumentException("holiday " + name + ": day " + dayOfMonth + " of " + month
                        + " is not a date; a fixed holiday names a day of its month and no nth");
            }
        } else if (dayOfMonth != 0 || observance != Observance.NONE || nth == 0 || nth < -1 || nth > 5) {
            throw new IllegalArgumentException("holiday " + name + ": nth " + nth + " " + weekday + " of " + month
                    + " must be 1 to 5 or -1 (last), with no day of month and no observance");
        }
    }

    /** A holiday on the same date every year, observed as {@code observance} says when on a weekend. */
    public static Holiday fixed(String name, Month month, int dayOfMonth, Observance observance) {
        return new Holiday(name, month, dayOfMonth, null, 0, observance);
    }

    /** A holiday on the {@code nth} (1 to 5, or -1 for the last) {@code weekday} of {@code month}. */
    public static Holiday nthWeekday(String name, Month month, DayOfWeek weekday, int nth) {
        return new Holiday(name, month, 0, weekday, nth, Observance.NONE);
    }

    /**
     * The date the holiday is billed on in {@code year}, if it has one: an observed New Year's Day that falls
     * on a Saturday is billed on December 31 of the year before, and a fifth Monday may not exist.
     */
    public Optional<LocalDate> in(int year) {
        if (weekday == null) {
            LocalDate date = LocalDate.of(year, month, 1).plusDays(dayOfMonth - 1L);
            if (date.getMonth() != month) {
                return Optional.empty(); // February 29 in a common year
            }
            return Optional.of(observedOn(date));
        }
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate date = nth < 0
                ? first.with(TemporalAdjusters.lastInMonth(weekday))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
        return date.getMonth() == month ? Optional.of(date) : Optional.empty();
    }

    private LocalDate observedOn(LocalDate date) {
        if (observance == Observance.NONE) {
            return date;
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY && observance == Observance.NEAREST_WEEKDAY) {
            return date.minusDays(1);
        }
        return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }

    @Override
    public String toString() {
        if (weekday == null) {
            return name + " (" + month + " " + dayOfMonth + ", " + observance + ")";
        }
        return name + " (" + (nth < 0 ? "last" : "#" + nth) + " " + weekday + " of " + month + ")";
    }
}
