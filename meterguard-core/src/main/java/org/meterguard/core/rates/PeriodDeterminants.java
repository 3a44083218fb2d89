package org.meterguard.core.rates;

import java.util.Objects;
import java.util.Optional;

/**
 * The determinants of one season-period of one meter over one billing period.
 *
 * @param seasonPeriod the season and period
 * @param intervals intervals of the billing period that fall in this season-period
 * @param importWh energy delivered to the customer in those intervals, over the intervals present
 * @param exportWh energy received from the customer in those intervals; 0 where export is not metered
 * @param missingImportIntervals intervals without an import value, so not in {@code importWh}
 * @param missingExportIntervals intervals without an export value where export is metered
 * @param peakDemand the highest import demand among the intervals present; empty where none is present
 */
public record PeriodDeterminants(
        SeasonPeriod seasonPeriod,
        int intervals,
        long importWh,
        long exportWh,
        int missingImportIntervals,
        int missingExportIntervals,
        Optional<Demand> peakDemand) {
    public PeriodDeterminants {
        Objects.requireNonNull(seasonPeriod, "seasonPeriod");
        Objects.requireNonNull(peakDemand, "peakDemand");
    }

    /** Import less export, in Wh; negative where the customer exported more. */
    public long netWh() {
        return Math.subtractExact(importWh, exportWh);
    }

    /** The period, whatever the season. */
    public TouPeriod period() {
        return seasonPeriod.period();
    }
}
