package org.meterguard.core.rates;

import java.time.Instant;
import java.util.Objects;

/**
 * The demand of one interval: its energy as average power over the interval. Exact for intervals that divide an
 * hour (5, 15, 30, 60 minutes...); otherwise rounded down to the watt.
 *
 * @param intervalStart the start of the interval
 * @param intervalWh the interval's energy, in Wh
 * @param watts the average power over the interval, {@code intervalWh × 3600 / interval seconds}, in W
 */
public record Demand(Instant intervalStart, long intervalWh, long watts) {
    public Demand {
        Objects.requireNonNull(intervalStart, "intervalStart");
    }

    /** The demand of an interval of {@code intervalSeconds} that delivered {@code intervalWh}. */
    public static Demand of(Instant intervalStart, long intervalWh, long intervalSeconds) {
        return new Demand(
                intervalStart, intervalWh, Math.floorDiv(Math.multiplyExact(intervalWh, 3_600L), intervalSeconds));
    }

    /** The larger demand; the earlier interval when both are equal. */
    static Demand larger(Demand a, Demand b) {
        if (a.intervalWh != b.intervalWh) {
            return a.intervalWh > b.intervalWh ? a : b;
        }
        return a.intervalStart.isAfter(b.intervalStart) ? b : a;
    }
}
