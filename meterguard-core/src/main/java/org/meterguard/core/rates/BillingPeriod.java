package org.meterguard.core.rates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The local dates a bill covers, {@code [from, to)}: from the start of {@code from} to the start of {@code to} in
 * the plan's time zone, so a month of a daylight-saving zone holds one hour more or less than 24 × its days.
 *
 * @param from the first date billed
 * @param to the first date not billed; after {@code from}
 */
public record BillingPeriod(LocalDate from, LocalDate to) {
    public BillingPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty billing period: 'to' " + to + " is not after 'from' " + from);
        }
    }

    /** The calendar month holding {@code date}. */
    public static BillingPeriod monthOf(LocalDate date) {
        LocalDate first = date.withDayOfMonth(1);
        return new BillingPeriod(first, first.plusMonths(1));
    }

    /** The number of dates billed. */
    public int days() {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }

    /** True where local date {@code date} is billed. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
