package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each plan would have cost over the same months of the same interval data: month by month, in total, and
 * broken down by kind of charge, the cheapest plan marked, and each month's data quality shown beside it (bills
 * built on estimated values are estimates too). Pure: the caller supplies the data and the plans.
 *
 * @param months the billing periods compared, in order
 * @param quality per month (same order), how much of the data was estimated, edited or unvalidated, and missing
 * @param plans per plan, its bills and total, cheapest first
 */
public record PlanComparison(List<BillingPeriod> months, List<MonthQuality> quality, List<PlanCost> plans) {
    public PlanComparison {
        months = List.copyOf(months);
        quality = List.copyOf(quality);
        plans = List.copyOf(plans);
    }

    /**
     * One plan's cost.
     *
     * @param plan the plan
     * @param bills one per month, in month order
     * @param cheapest true for the plan with the lowest total (the first listed on a tie)
     */
    public record PlanCost(RatePlan plan, List<Bill> bills, boolean cheapest) {
        public PlanCost {
            Objects.requireNonNull(plan, "plan");
            bills = List.copyOf(bills);
        }

        /** The sum of the monthly totals. */
        public BigDecimal total() {
            return bills.stream().map(Bill::total).reduce(BigDecimal.ZERO.setScale(LineItem.CENTS), BigDecimal::add);
        }

        /** The months' amounts summed by kind of charge: where the money goes on this plan. */
        public Map<LineItem.Kind, BigDecimal> byKind() {
            Map<LineItem.Kind, BigDecimal> byKind = new EnumMap<>(LineItem.Kind.class);
            bills.forEach(bill -> bill.byKind().forEach((kind, amount) -> byKind.merge(kind, amount, BigDecimal::add)));
            return byKind;
        }
    }

    /**
     * The quality of one month's data.
     *
     * @param month the billing period
     * @param quality estimated, edited and unvalidated intervals (import and export)
     * @param missingIntervals intervals without a value
     */
    public record MonthQuality(BillingPeriod month, IntervalRows.DataQuality quality, int missingIntervals) {
        /** True where some of the month's bill rests on estimated or missing data. */
        public boolean estimated() {
            return quality.estimated() > 0 || missingIntervals > 0;
        }
    }

    /** The plan marked cheapest; an error where no plan was in effect over every month compared. */
    public PlanCost cheapest() {
        return plans.stream()
                .filter(PlanCost::cheapest)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no plan was in effect over every month from "
                        + months.get(0).from() + " to "
                        + months.get(months.size() - 1).to()));
    }

    /**
     * Bills {@code months} (local dates in {@code zone}) of {@code rows} on each of {@code plans}: a plan with no
     * version in effect on some month's dates is left out rather than compared over fewer months.
     */
    public static PlanComparison of(List<RatePlan> plans, List<BillingPeriod> months, ZoneId zone, IntervalRows rows) {
        if (plans.isEmpty() || months.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs plans and months; got " + plans.size() + " plans, "
                    + months.size() + " months");
        }
        List<Priced> priced = new ArrayList<>();
        for (RatePlan plan : plans) {
            if (months.stream().allMatch(month -> coversMonth(plan, month))) {
                priced.add(new Priced(
                        plan,
                        months.stream()
                                .map(month -> BillCalculator.bill(plan, month, rows))
                                .toList()));
            }
        }
        priced.sort(Comparator.comparing(Priced::total));
        List<PlanCost> costs = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            costs.add(new PlanCost(priced.get(i).plan(), priced.get(i).bills(), i == 0));
        }
        List<MonthQuality> quality = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            BillingPeriod month = months.get(m);
            int missing = costs.isEmpty() ? 0 : costs.get(0).bills().get(m).missingIntervals();
            quality.add(new MonthQuality(
                    month,
                    rows.quality(
                            month.from().atStartOfDay(zone).toInstant(),
                            month.to().atStartOfDay(zone).toInstant()),
                    missing));
        }
        return new PlanComparison(months, quality, costs);
    }

    private static boolean coversMonth(RatePlan plan, BillingPeriod month) {
        return !plan.versions().get(0).effectiveFrom().isAfter(month.from());
    }

    private record Priced(RatePlan plan, List<Bill> bills) {
        BigDecimal total() {
            return bills.stream().map(Bill::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
