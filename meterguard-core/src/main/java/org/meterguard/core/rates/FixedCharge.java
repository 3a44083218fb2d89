package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer or meter charge that does not depend on use: per day billed, or per month (prorated by days where a
 * bill covers part of a month or a plan version covers part of a bill).
 *
 * @param name what the bill calls it, e.g. "customer charge"
 * @param amount dollars per day or per month
 * @param per the day or the month
 */
public record FixedCharge(String name, BigDecimal amount, Per per) {
    /** What a fixed charge is per. */
    public enum Per {
        DAY,
        MONTH
    }

    public FixedCharge {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a fixed charge needs a name");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(per, "per");
    }
}
