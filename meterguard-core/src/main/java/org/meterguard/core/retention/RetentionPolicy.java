package org.meterguard.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each {@link DataCategory} is kept. Periods are calendar periods (e.g. P7Y), counted back from the
 * instant the policy is applied, in UTC.
 */
public final class RetentionPolicy {
    private final Map<DataCategory, Period> periods;

    private RetentionPolicy(Map<DataCategory, Period> periods) {
        this.periods = periods;
    }

    /** A policy with a period for every category; an error names a missing or non-positive one. */
    public static RetentionPolicy of(Map<DataCategory, Period> periods) {
        Map<DataCategory, Period> copy = new EnumMap<>(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            Period period = periods.get(category);
            if (period == null) {
                throw new IllegalArgumentException("no retention period for " + category);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "invalid retention period " + period + " for " + category + "; it must be positive");
            }
            copy.put(category, period);
        }
        return new RetentionPolicy(copy);
    }

    /** The period a category is kept. */
    public Period periodOf(DataCategory category) {
        return periods.get(Objects.requireNonNull(category, "category"));
    }

    /** The first UTC day still kept for {@code category} when the policy is applied at {@code now}. */
    public LocalDate firstKeptDay(DataCategory category, Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minus(periodOf(category));
    }

    /** The instant before which {@code category} has expired at {@code now}. */
    public Instant cutoff(DataCategory category, Instant now) {
        return firstKeptDay(category, now).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "RetentionPolicy" + periods;
    }
}
