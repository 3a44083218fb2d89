package org.meterguard.core.rates;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A named list of holidays that rate plans bill as holidays (typically off-peak all day), such as the US federal
 * holidays or the shorter list a utility's time-of-use tariffs name. Data, read from YAML by
 * {@link RatePlanYaml#holidayCalendar}; immutable.
 *
 * @param id how plans refer to it: 1 to 40 lower-case letters, digits or '-'
 * @param name a readable name
 * @param holidays the rules, in the order listed
 */
public record HolidayCalendar(String id, String name, List<Holiday> holidays) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,40}");

    public HolidayCalendar {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "invalid holiday calendar id '" + id + "'; expected 1 to 40 lower-case letters, digits or '-'");
        }
        Objects.requireNonNull(name, "name");
        holidays = List.copyOf(holidays);
    }

    /** A calendar without holidays. */
    public static HolidayCalendar none() {
        return new HolidayCalendar("none", "No holidays", List.of());
    }

    /**
     * The billed dates of every holiday of the years {@code fromYear} to {@code toYear}, both included, with the
     * holiday's name, in date order. An observed date may fall in the year before (New Year's Day on a Saturday).
     */
    public Map<LocalDate, String> dates(int fromYear, int toYear) {
        Map<LocalDate, String> dates = new TreeMap<>();
        for (int year = fromYear; year <= toYear; year++) {
            for (Holiday holiday : holidays) {
                holiday.in(year).ifPresent(date -> dates.putIfAbsent(date, holiday.name()));
            }
        }
        return dates;
    }

    /** The holiday billed on {@code date}, if any. */
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(dates(date.getYear(), date.getYear() + 1).get(date));
    }
}
