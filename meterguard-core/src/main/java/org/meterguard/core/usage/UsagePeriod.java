package org.meterguard.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The local days {@code [first, end)} a customer asks to see, in their meter's zone, at a resolution.
 *
 * @param zone the meter's local zone
 * @param first the first local day shown
 * @param end the first local day not shown; after {@code first}
 * @param resolution how finely
 */
public record UsagePeriod(ZoneId zone, LocalDate first, LocalDate end, Resolution resolution) {
    public UsagePeriod {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(resolution, "resolution");
        if (!end.isAfter(first)) {
            throw new IllegalArgumentException("empty period: 'to' " + end + " is not after 'from' " + first);
        }
        long days = ChronoUnit.DAYS.between(first, end);
        if (days > resolution.longestDays()) {
            throw new IllegalArgumentException("a period of " + days + " days is longer than "
                    + resolution.longestDays() + " days at resolution " + resolution);
        }
    }

    /** The first instant shown (local midnight starting {@code first}). */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first instant not shown. */
    public Instant to() {
        return end.atStartOfDay(zone).toInstant();
    }

    /**
     * The period before this one, for period-over-period comparison: as long in calendar terms (the year before a
     * year, the month before a month, the same number of days before a span of days) and ending where this begins.
     */
    public UsagePeriod previous() {
        Period length = Period.between(first, end);
        return new UsagePeriod(zone, first.minus(length), first, resolution);
    }
}
