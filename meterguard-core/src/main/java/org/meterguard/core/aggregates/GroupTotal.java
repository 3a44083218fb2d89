package org.meterguard.core.aggregates;

import java.util.Objects;
import java.util.Optional;

/**
 * The total over every area of one customer class and period. Released only when what it reveals beyond the
 * released cells (the union of the suppressed cells) itself passes the policy; otherwise withheld with the reason.
 *
 * @param customerClass the class
 * @param period the period
 * @param customers the customers over all areas, when released
 * @param total the usage over all areas, when released
 * @param withheldBecause why it is withheld; empty when released
 */
public record GroupTotal(
        String customerClass, String period, long customers, long total, Optional<String> withheldBecause) {
    public GroupTotal {
        Objects.requireNonNull(customerClass, "customerClass");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(withheldBecause, "withheldBecause");
        if (withheldBecause.isPresent() && (customers != 0 || total != 0)) {
            throw new IllegalArgumentException("a withheld total carries no figures");
        }
    }

    public boolean released() {
        return withheldBecause.isEmpty();
    }
}
