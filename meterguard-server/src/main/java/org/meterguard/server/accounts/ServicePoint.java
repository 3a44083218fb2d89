package org.meterguard.server.accounts;

import java.util.Objects;

/**
 * Where electricity is delivered: no personal information, only what operations need.
 *
 * @param feeder the distribution feeder serving it, for outage statistics
 * @param zone the operating zone (e.g. a substation area)
 * @param nominalVoltage the nominal service voltage in volts (e.g. 120, 240), for ANSI C84.1 ranges
 */
public record ServicePoint(String servicePointId, String feeder, String zone, int nominalVoltage) {
    public ServicePoint {
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(zone, "zone");
        if (servicePointId.isBlank() || feeder.isBlank() || zone.isBlank()) {
            throw new IllegalArgumentException("a service point needs an id, a feeder and a zone");
        }
        if (nominalVoltage <= 0) {
            throw new IllegalArgumentException("invalid nominal voltage " + nominalVoltage + " V");
        }
    }
}
