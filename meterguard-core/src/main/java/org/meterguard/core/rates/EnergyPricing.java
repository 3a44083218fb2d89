package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan version prices energy: one price for every hour ({@link Flat}), prices rising with cumulative use
 * against a daily baseline allowance ({@link Tiered}), or a price per season and time-of-use period
 * ({@link TimeOfUse}). Prices are dollars per kWh.
 */
public sealed interface EnergyPricing permits EnergyPricing.Flat, EnergyPricing.Tiered, EnergyPricing.TimeOfUse {

    /** True where energy is priced per season-period (and export nets per season-period); else over all hours. */
    boolean byPeriod();

    /** The price a kWh would be charged at in {@code seasonPeriod} (the first tier's for a tiered plan). */
    BigDecimal retailPrice(SeasonPeriod seasonPeriod);

    /**
     * The lines charging {@code kwh} of energy used in {@code segment} (in {@code seasonPeriod} where
     * {@link #byPeriod()}, else over all hours and {@code seasonPeriod} is null); {@code label} ends each line's
     * description (the version's effective date when a bill spans two).
     */
    List<LineItem> charges(
            BigDecimal kwh, SeasonPeriod seasonPeriod, TouSchedule schedule, BillingPeriod segment, String label);

    /** Refuses pricing that does not fit {@code schedule}, naming what is missing. */
    void check(TouSchedule schedule);

    /** One price per kWh at every hour. */
    record Flat(BigDecimal pricePerKwh) implements EnergyPricing {
        public Flat {
            Objects.requireNonNull(pricePerKwh, "pricePerKwh");
        }

        @Override
        public boolean byPeriod() {
            return false;
        }

        @Override
        public BigDecimal retailPrice(SeasonPeriod seasonPeriod) {
            return pricePerKwh;
        }

        @Override
        public List<LineItem> charges(
                BigDecimal kwh, SeasonPeriod seasonPeriod, TouSchedule schedule, BillingPeriod segment, String label) {
            return List.of(LineItem.of(LineItem.Kind.ENERGY, "energy" + label, kwh, "kWh", pricePerKwh));
        }

        @Override
        public void check(TouSchedule schedule) {}
    }

    /**
     * Tiers by cumulative use in a bill: the baseline allowance is the sum, over the days billed, of the kWh per
     * day of each day's season; tier {@code i} covers use up to {@code upToBaselinePercent} of the allowance
     * (the last tier has no limit).
     *
     * @param baselineKwhPerDay kWh per day by season name
     * @param tiers from the cheapest up; every tier but the last has a limit, rising
     */
    record Tiered(Map<String, BigDecimal> baselineKwhPerDay, List<Tier> tiers) implements EnergyPricing {
        public Tiered {
            baselineKwhPerDay = Map.copyOf(baselineKwhPerDay);
            tiers = List.copyOf(tiers);
            if (tiers.isEmpty()
                    || tiers.get(tiers.size() - 1).upToBaselinePercent().isPresent()) {
                throw new IllegalArgumentException("tiers " + tiers + " must end with a tier without a limit");
            }
            BigDecimal previous = BigDecimal.ZERO;
            for (Tier tier : tiers.subList(0, tiers.size() - 1)) {
                BigDecimal limit = tier.upToBaselinePercent()
                        .orElseThrow(() -> new IllegalArgumentException("only the last tier may be without a limit"));
                if (limit.compareTo(previous) <= 0) {
                    throw new IllegalArgumentException(
                            "tier limit " + limit + "% does not rise above " + previous + "%");
                }
                previous = limit;
            }
        }

        @Override
        public boolean byPeriod() {
            return false;
        }

        @Override
        public BigDecimal retailPrice(SeasonPeriod seasonPeriod) {
            return tiers.get(0).pricePerKwh();
        }

        /** The baseline allowance of {@code segment}: each day's season's kWh per day, summed. */
        public BigDecimal allowanceKwh(TouSchedule schedule, BillingPeriod segment) {
            BigDecimal allowance = BigDecimal.ZERO;
            for (LocalDate day = segment.from(); day.isBefore(segment.to()); day = day.plusDays(1)) {
                allowance =
                        allowance.add(baselineKwhPerDay.get(schedule.season(day).name()));
            }
            return allowance;
        }

        @Override
        public List<LineItem> charges(
                BigDecimal kwh, SeasonPeriod seasonPeriod, TouSchedule schedule, BillingPeriod segment, String label) {
            BigDecimal allowance = allowanceKwh(schedule, segment);
            List<LineItem> lines = new ArrayList<>();
            BigDecimal below = BigDecimal.ZERO;
            BigDecimal remaining = kwh;
            for (int i = 0; i < tiers.size() && remaining.signum() > 0; i++) {
                Tier tier = tiers.get(i);
                BigDecimal left = remaining;
                BigDecimal covered = below;
                Optional<BigDecimal> limit = tier.upToBaselinePercent()
                        .map(percent -> allowance.multiply(percent).movePointLeft(2));
                BigDecimal inTier = limit.map(l -> left.min(l.subtract(covered)).max(BigDecimal.ZERO))
                        .orElse(left);
                String range = limit.map(
                                l -> "up to " + tier.upToBaselinePercent().get().toPlainString() + "% of baseline = "
                                        + l.stripTrailingZeros().toPlainString() + " kWh")
                        .orElse("above the tiers before");
                if (inTier.signum() > 0) {
                    lines.add(LineItem.of(
                            LineItem.Kind.ENERGY,
                            "tier " + (i + 1) + " energy (" + range + "; baseline " + allowance.toPlainString()
                                    + " kWh for " + segment.days() + " days)" + label,
                            inTier,
                            "kWh",
                            tier.pricePerKwh()));
                }
                remaining = remaining.subtract(inTier);
                below = limit.orElse(below);
            }
            return lines;
        }

        @Override
        public void check(TouSchedule schedule) {
            for (Season season : schedule.seasons()) {
                if (!baselineKwhPerDay.containsKey(season.name())) {
                    throw new IllegalArgumentException("no baseline kWh per day for season " + season.name());
                }
            }
        }
    }

    /**
     * One tier of a tiered plan.
     *
     * @param upToBaselinePercent the tier covers use up to this percentage of the baseline allowance; empty for
     *     the last tier
     * @param pricePerKwh dollars per kWh
     */
    record Tier(Optional<BigDecimal> upToBaselinePercent, BigDecimal pricePerKwh) {
        public Tier {
            Objects.requireNonNull(upToBaselinePercent, "upToBaselinePercent");
            Objects.requireNonNull(pricePerKwh, "pricePerKwh");
        }
    }

    /** A price per kWh for each season-period of the schedule. */
    record TimeOfUse(Map<SeasonPeriod, BigDecimal> pricePerKwh) implements EnergyPricing {
        public TimeOfUse {
            pricePerKwh = Map.copyOf(pricePerKwh);
        }

        @Override
        public boolean byPeriod() {
            return true;
        }

        @Override
        public BigDecimal retailPrice(SeasonPeriod seasonPeriod) {
            return pricePerKwh.get(seasonPeriod);
        }

        @Override
        public List<LineItem> charges(
                BigDecimal kwh, SeasonPeriod seasonPeriod, TouSchedule schedule, BillingPeriod segment, String label) {
            return List.of(LineItem.of(
                    LineItem.Kind.ENERGY, seasonPeriod + " energy" + label, kwh, "kWh", pricePerKwh.get(seasonPeriod)));
        }

        @Override
        public void check(TouSchedule schedule) {
            for (SeasonPeriod seasonPeriod : schedule.seasonPeriods()) {
                if (!pricePerKwh.containsKey(seasonPeriod)) {
                    throw new IllegalArgumentException("no energy price for " + seasonPeriod);
                }
            }
        }
    }
}
