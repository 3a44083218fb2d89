package org.meterguard.server.portal;

import java.util.Objects;
import org.meterguard.core.usage.UsageSeries;

/**
 * An account's usage over a period and the period before it: energy delivered to the customer ({@code imported})
 * and received from them ({@code exported}, e.g. rooftop solar), each summed into the period's buckets.
 */
public record AccountUsage(
        String accountId,
        UsageSeries imported,
        UsageSeries exported,
        UsageSeries previousImported,
        UsageSeries previousExported) {
    public AccountUsage {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(exported, "exported");
        Objects.requireNonNull(previousImported, "previousImported");
        Objects.requireNonNull(previousExported, "previousExported");
    }

    /**
     * Adds {@code count} intervals of one channel summing to {@code sum}, all starting in the bucket of
     * {@code epochSecond}, to this period or the one before, whichever holds it.
     */
    void add(boolean isImport, long epochSecond, long sum, int count, int estimates) {
        (isImport ? imported : exported).add(epochSecond, sum, count, estimates);
        (isImport ? previousImported : previousExported).add(epochSecond, sum, count, estimates);
    }
}
