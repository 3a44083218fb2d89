package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A charge per kW of the highest demand in a bill: over every interval, or only within one time-of-use period
 * (and season). Demand is the energy of an interval as average power: 15-minute demand from the meter's
 * intervals, hourly demand from the clock hours they add up to (an hour missing any quarter has no demand).
 *
 * @param name what the bill calls it, e.g. "maximum demand"
 * @param pricePerKw dollars per kW
 * @param intervalMinutes the demand interval: 15 or 60
 * @param season the season the charge applies in (by name); empty for all
 * @param period the time-of-use period the charge applies in; empty for all hours
 */
public record DemandCharge(
        String name, BigDecimal pricePerKw, int intervalMinutes, Optional<String> season, Optional<TouPeriod> period) {
    public DemandCharge {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a demand charge needs a name");
        }
        Objects.requireNonNull(pricePerKw, "pricePerKw");
        if (intervalMinutes != 15 && intervalMinutes != 60) {
            throw new IllegalArgumentException(
                    "demand interval of " + intervalMinutes + " minutes; 15 or 60 are supported");
        }
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(period, "period");
    }

    /** The highest demand this charge prices among {@code determinants}; empty where no interval applies. */
    Optional<Demand> peak(Determinants determinants) {
        return determinants.byPeriod().stream()
                .filter(p -> season.map(s -> s.equals(p.seasonPeriod().season().name()))
                        .orElse(true))
                .filter(p -> period.map(t -> t.equals(p.period())).orElse(true))
                .flatMap(p -> p.peakDemand().stream())
                .reduce(Demand::larger);
    }

    /** Refuses a season or period the schedule does not have. */
    void check(TouSchedule schedule) {
        season.ifPresent(s -> {
            if (schedule.seasons().stream().noneMatch(known -> known.name().equals(s))) {
                throw new IllegalArgumentException("demand charge " + name + ": no season " + s + " in the schedule");
            }
        });
        period.ifPresent(p -> {
            if (schedule.seasonPeriods().stream()
                    .noneMatch(known -> known.period().equals(p))) {
                throw new IllegalArgumentException("demand charge " + name + ": no period " + p + " in the schedule");
            }
        });
    }
}
