package org.meterguard.core.rates;

import java.time.MonthDay;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A season of a rate plan: the local dates from {@code first} to {@code last}, both included, every year, as
 * tariffs write them ("summer: June 1 – September 30"). A season may run over the new year ("winter: October 1 –
 * May 31"). February 29 belongs to the season that holds it by month and day.
 *
 * @param name 1 to 40 lower-case letters, digits or '-'
 * @param first the first day of the season
 * @param last the last day of the season, included
 */
public record Season(String name, MonthDay first, MonthDay last) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,40}");

    /** One season covering the whole year, for plans without seasons. */
    public static final Season ALL_YEAR = new Season("all-year", MonthDay.of(1, 1), MonthDay.of(12, 31));

    public Season {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid season name '" + name + "'; expected 1 to 40 lower-case letters, digits or '-'");
        }
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    /** True where {@code day} lies in this season. */
    public boolean contains(MonthDay day) {
        if (first.isAfter(last)) {
            return !day.isBefore(first) || !day.isAfter(last);
        }
        return !day.isBefore(first) && !day.isAfter(last);
    }

    @Override
    public String toString() {
        return name + " (" + format(first) + " to " + format(last) + ")";
    }

    static String format(MonthDay day) {
        return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }
}
