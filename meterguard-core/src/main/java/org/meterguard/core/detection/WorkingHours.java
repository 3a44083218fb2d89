package org.meterguard.core.detection;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When staff normally work, in the utility's zone: on {@code days}, from {@code start} (inclusive) to {@code end}
 * (exclusive). An {@code end} before {@code start} is a shift across midnight, counted on the day it starts; an
 * {@code end} equal to {@code start} is the whole day.
 *
 * @param start when the working day starts
 * @param end when it ends
 * @param days the working days
 * @param zone the zone the hours are in
 */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Monday to Friday, 07:00 to 19:00 in {@code zone}. */
    public static WorkingHours weekdays(ZoneId zone) {
        return new WorkingHours(
                LocalTime.of(7, 0), LocalTime.of(19, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), zone);
    }

    /** True when {@code at} falls within working hours. */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (start.equals(end)) {
            return days.contains(local.getDayOfWeek());
        }
        if (start.isBefore(end)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        // A shift across midnight: the evening part belongs to today, the morning part to yesterday's shift.
        if (!time.isBefore(start)) {
            return days.contains(local.getDayOfWeek());
        }
        return time.isBefore(end) && days.contains(local.getDayOfWeek().minus(1));
    }
}
