package org.meterguard.core.rates;

import java.util.Objects;

/**
 * A time-of-use period within one season: what a plan puts one price on (summer on-peak and winter on-peak are
 * priced apart, and a billing period may hold days of both).
 *
 * @param season the season
 * @param period the period
 */
public record SeasonPeriod(Season season, TouPeriod period) {
    public SeasonPeriod {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(period, "period");
    }

    @Override
    public String toString() {
        return season.name() + " " + period;
    }
}
