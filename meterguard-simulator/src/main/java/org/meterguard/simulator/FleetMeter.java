package org.meterguard.simulator;

import java.util.Objects;

/**
 * A meter of a simulated fleet: the meter (identity and keys), what is behind it, and the collector it is heard
 * through.
 *
 * @param meter identity and the keys it holds
 * @param kind the site behind it, which also fixes its model
 * @param collector the id of its home collector
 */
public record FleetMeter(SimulatedMeter meter, MeterKind kind, String collector) {
    public FleetMeter {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collector, "collector");
    }
}
