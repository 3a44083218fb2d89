package org.meterguard.server.alerts;

import java.util.Map;

/**
 * Alerts raised in a period, counted.
 *
 * @param total how many
 * @param byKind how many of each kind
 * @param bySeverity how many of each severity
 */
public record AlertTally(long total, Map<String, Long> byKind, Map<String, Long> bySeverity) {
    public AlertTally {
        byKind = Map.copyOf(byKind);
        bySeverity = Map.copyOf(bySeverity);
    }
}
