package org.meterguard.server.rates.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.rates.Bill;
import org.meterguard.core.rates.BillingPeriod;
import org.meterguard.core.rates.LineItem;
import org.meterguard.core.rates.PlanComparison;
import org.meterguard.core.rates.RatePlan;
import org.meterguard.server.rates.RateComparison;

/**
 * The JSON shape of a rate comparison. Money is written as decimal strings ("134.40"), so no client reads it
 * through binary floating point; quantities likewise.
 */
record RateComparisonResponse(
        String accountId,
        String accountClass,
        String zone,
        String cheapestPlanId,
        List<Month> months,
        List<PlanCost> plans) {

    /** One month compared, with how far its data can be trusted. */
    record Month(
            LocalDate from,
            LocalDate to,
            boolean partial,
            boolean estimated,
            int estimatedIntervals,
            int editedIntervals,
            int unvalidatedIntervals,
            int missingIntervals) {}

    /** One plan's cost: total, breakdown by kind of charge, and the bills. */
    record PlanCost(
            String planId,
            String name,
            String description,
            boolean example,
            boolean cheapest,
            String total,
            Map<String, String> breakdown,
            List<MonthBill> bills) {}

    /** One month's bill on one plan. */
    record MonthBill(
            LocalDate from,
            LocalDate to,
            List<LocalDate> versions,
            String total,
            String importKwh,
            String exportKwh,
            List<Line> lines,
            List<String> notes) {}

    /** One line item, with its arithmetic. */
    record Line(
            String kind,
            String description,
            String quantity,
            String unit,
            String unitPrice,
            String amount,
            String explanation) {}

    static RateComparisonResponse of(RateComparison.Result result) {
        PlanComparison comparison = result.comparison();
        List<Month> months = comparison.quality().stream()
                .map(q -> new Month(
                        q.month().from(),
                        q.month().to(),
                        result.partialMonths().contains(q.month()),
                        q.estimated(),
                        q.quality().estimated(),
                        q.quality().edited(),
                        q.quality().unvalidated(),
                        q.missingIntervals()))
                .toList();
        return new RateComparisonResponse(
                result.accountId(),
                result.accountClass().name(),
                result.zone().getId(),
                comparison.cheapest().plan().id(),
                months,
                comparison.plans().stream().map(RateComparisonResponse::plan).toList());
    }

    private static PlanCost plan(PlanComparison.PlanCost cost) {
        RatePlan plan = cost.plan();
        Map<String, String> breakdown = new LinkedHashMap<>();
        cost.byKind().forEach((kind, amount) -> breakdown.put(kind.name(), amount.toPlainString()));
        return new PlanCost(
                plan.id(),
                plan.name(),
                plan.description(),
                plan.example(),
                cost.cheapest(),
                cost.total().toPlainString(),
                breakdown,
                cost.bills().stream().map(RateComparisonResponse::bill).toList());
    }

    private static MonthBill bill(Bill bill) {
        BillingPeriod period = bill.period();
        return new MonthBill(
                period.from(),
                period.to(),
                bill.versions(),
                bill.total().toPlainString(),
                BigDecimal.valueOf(bill.importWh(), 3).toPlainString(),
                BigDecimal.valueOf(bill.exportWh(), 3).toPlainString(),
                bill.lines().stream().map(RateComparisonResponse::line).toList(),
                bill.notes());
    }

    private static Line line(LineItem line) {
        return new Line(
                line.kind().name(),
                line.description(),
                line.quantity().toPlainString(),
                line.unit(),
                line.unitPrice().toPlainString(),
                line.amount().toPlainString(),
                line.explanation());
    }
}
