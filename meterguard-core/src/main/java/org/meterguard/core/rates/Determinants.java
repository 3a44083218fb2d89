package org.meterguard.core.rates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.meterguard.core.MeterId;

/**
 * The billing determinants of one meter over one billing period: energy per season-period, totals, and peak
 * demand, with the intervals that had no value counted rather than ignored. A bill must look at
 * {@link #isComplete()} (or the missing counts) before it prices the energies as measured. Immutable.
 *
 * @param meter the meter
 * @param billingPeriod the local dates billed
 * @param exportMetered whether the meter's export channel was expected (and its gaps counted)
 * @param byPeriod one entry per season-period the billing period touches, in schedule order
 */
public record Determinants(
        MeterId meter, BillingPeriod billingPeriod, boolean exportMetered, List<PeriodDeterminants> byPeriod) {
    public Determinants {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(billingPeriod, "billingPeriod");
        byPeriod = List.copyOf(byPeriod);
    }

    /** Intervals in the billing period (92 to 100 quarter-hours for a local day of a daylight-saving zone). */
    public int intervals() {
        return (int) sum(PeriodDeterminants::intervals, p -> true);
    }

    /** Energy delivered over the intervals present, in Wh. */
    public long importWh() {
        return sum(PeriodDeterminants::importWh, p -> true);
    }

    /** Energy received over the intervals present, in Wh. */
    public long exportWh() {
        return sum(PeriodDeterminants::exportWh, p -> true);
    }

    /** Import less export, in Wh. */
    public long netWh() {
        return Math.subtractExact(importWh(), exportWh());
    }

    /** Energy delivered in {@code period}, over every season, in Wh. */
    public long importWh(TouPeriod period) {
        return sum(PeriodDeterminants::importWh, in(period));
    }

    /** Energy received in {@code period}, over every season, in Wh. */
    public long exportWh(TouPeriod period) {
        return sum(PeriodDeterminants::exportWh, in(period));
    }

    /** Import less export in {@code period}, in Wh. */
    public long netWh(TouPeriod period) {
        return Math.subtractExact(importWh(period), exportWh(period));
    }

    /** Import intervals without a value. */
    public int missingImportIntervals() {
        return (int) sum(PeriodDeterminants::missingImportIntervals, p -> true);
    }

    /** Export intervals without a value; 0 where export is not metered. */
    public int missingExportIntervals() {
        return (int) sum(PeriodDeterminants::missingExportIntervals, p -> true);
    }

    /** True where every interval of every metered channel had a value. */
    public boolean isComplete() {
        return missingImportIntervals() == 0 && missingExportIntervals() == 0;
    }

    /** The highest import demand of the billing period; the earliest such interval on a tie. */
    public Optional<Demand> peakDemand() {
        return peak(p -> true);
    }

    /** The highest import demand within {@code period}, over every season; the earliest on a tie. */
    public Optional<Demand> peakDemand(TouPeriod period) {
        return peak(in(period));
    }

    /** The entry of {@code seasonPeriod}, if the billing period touches it. */
    public Optional<PeriodDeterminants> of(SeasonPeriod seasonPeriod) {
        return byPeriod.stream()
                .filter(p -> p.seasonPeriod().equals(seasonPeriod))
                .findFirst();
    }

    private static Predicate<PeriodDeterminants> in(TouPeriod period) {
        Objects.requireNonNull(period, "period");
        return p -> p.period().equals(period);
    }

    private long sum(ToLongFunction<PeriodDeterminants> field, Predicate<PeriodDeterminants> which) {
        long total = 0;
        for (PeriodDeterminants p : byPeriod) {
            if (which.test(p)) {
                total = Math.addExact(total, field.applyAsLong(p));
            }
        }
        return total;
    }

    private Optional<Demand> peak(Predicate<PeriodDeterminants> which) {
        return byPeriod.stream()
                .filter(which)
                .flatMap(p -> p.peakDemand().stream())
                .reduce(Demand::larger);
    }
}
