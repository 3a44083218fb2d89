package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.IntervalGrid;

/**
 * Prices one billing period on one plan: the period is cut where a new plan version takes effect, each part's
 * determinants are worked out on that version's calendar, and each part is priced by its version's terms.
 *
 * <ul>
 *   <li>Energy per pricing bucket (each season-period of a time-of-use plan, else the whole part), net of export
 *       where the plan nets ({@link NetMetering}); a tiered plan's allowance is that part's days' baseline.
 *   <li>Export credited per {@link NetMetering}; non-bypassable charges on gross import.
 *   <li>Demand charges on the part's highest demand, prorated by the part's share of the bill's days.
 *   <li>Fixed charges per day billed, or per month prorated by days.
 *   <li>A minimum bill of the days' minimum where the lines add up to less.
 * </ul>
 *
 * Lines come part by part; within a part, energy and export lines in the order of the schedule's season-periods
 * (by first appearance in the day, so off-peak before on-peak), then non-bypassable, demand and fixed charges;
 * a minimum-bill adjustment last. Stateless; see {@link LineItem} for the rounding.
 */
public final class BillCalculator {
    private BillCalculator() {}

    /** The bill of {@code period} on {@code plan}, from the determinants {@code source} works out. */
    public static Bill bill(RatePlan plan, BillingPeriod period, DeterminantsSource source) {
        List<RatePlan.Segment> segments = plan.segments(period);
        List<LineItem> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long importWh = 0;
        long exportWh = 0;
        int missing = 0;
        BigDecimal minimum = BigDecimal.ZERO;
        for (RatePlan.Segment segment : segments) {
            String label = segments.size() == 1
                    ? ""
                    : " [rates effective " + segment.version().effectiveFrom() + ", " + segment.period() + "]";
            Determinants determinants =
                    source.determinants(segment.version().calendar(plan.zone(), source.grid()), segment.period());
            lines.addAll(segmentLines(plan, segment, determinants, period, source, label, notes));
            importWh += determinants.importWh();
            exportWh += determinants.exportWh();
            missing += determinants.missingImportIntervals() + determinants.missingExportIntervals();
            minimum = minimum.add(segment.version()
                    .minimumPerDay()
                    .multiply(BigDecimal.valueOf(segment.period().days())));
        }
        minimumBill(minimum, period, lines);
        if (missing > 0) {
            notes.add(missing + " intervals had no value and are not billed; the bill may be low");
        }
        List<LocalDate> versions =
                segments.stream().map(s -> s.version().effectiveFrom()).toList();
        return new Bill(plan.id(), plan.name(), period, versions, lines, importWh, exportWh, missing, notes);
    }

    private static List<LineItem> segmentLines(
            RatePlan plan,
            RatePlan.Segment segment,
            Determinants determinants,
            BillingPeriod bill,
            DeterminantsSource source,
            String label,
            List<String> notes) {
        PlanVersion version = segment.version();
        List<LineItem> lines = new ArrayList<>(energyLines(version, determinants, segment.period(), label, notes));
        if (version.nonBypassablePerKwh().signum() != 0) {
            lines.add(LineItem.of(
                    LineItem.Kind.NON_BYPASSABLE,
                    "non-bypassable charges on all energy delivered" + label,
                    kwh(determinants.importWh()),
                    "kWh",
                    version.nonBypassablePerKwh()));
        }
        for (DemandCharge charge : version.demandCharges()) {
            demandLine(plan, segment, charge, determinants, bill, source, label).ifPresent(lines::add);
        }
        for (FixedCharge charge : version.fixedCharges()) {
            lines.add(fixedLine(charge, segment.period(), bill, label));
        }
        return lines;
    }

    private static List<LineItem> energyLines(
            PlanVersion version, Determinants determinants, BillingPeriod part, String label, List<String> notes) {
        EnergyPricing energy = version.energy();
        List<LineItem> lines = new ArrayList<>();
        if (energy.byPeriod()) {
            for (PeriodDeterminants p : determinants.byPeriod()) {
                bucket(version, p.seasonPeriod(), p.importWh(), p.exportWh(), part, label, lines);
            }
        } else {
            bucket(version, null, determinants.importWh(), determinants.exportWh(), part, label, lines);
        }
        if (version.netMetering().isEmpty() && determinants.exportWh() > 0) {
            notes.add(kwh(determinants.exportWh()).toPlainString()
                    + " kWh exported are not credited: the plan has no export terms");
        }
        return lines;
    }

    /** Charges and credits of one pricing bucket; {@code seasonPeriod} is null for all hours. */
    private static void bucket(
            PlanVersion version,
            SeasonPeriod seasonPeriod,
            long importWh,
            long exportWh,
            BillingPeriod part,
            String label,
            List<LineItem> lines) {
        Optional<NetMetering> export = version.netMetering();
        boolean nets = export.map(terms -> terms.netting() == NetMetering.Netting.PER_PERIOD)
                .orElse(false);
        long charged = nets ? Math.max(0, importWh - exportWh) : importWh;
        long credited = export.isEmpty() ? 0 : nets ? Math.max(0, exportWh - importWh) : exportWh;
        if (charged > 0) {
            lines.addAll(version.energy().charges(kwh(charged), seasonPeriod, version.schedule(), part, label));
        }
        if (credited > 0) {
            BigDecimal credit =
                    export.get().creditPerKwh().orElse(version.energy().retailPrice(seasonPeriod));
            String what =
                    (seasonPeriod == null ? "" : seasonPeriod + " ") + (nets ? "net export credit" : "export credit");
            lines.add(LineItem.of(LineItem.Kind.EXPORT_CREDIT, what + label, kwh(credited), "kWh", credit.negate()));
        }
    }

    private static Optional<LineItem> demandLine(
            RatePlan plan,
            RatePlan.Segment segment,
            DemandCharge charge,
            Determinants determinants,
            BillingPeriod bill,
            DeterminantsSource source,
            String label) {
        Duration wanted = Duration.ofMinutes(charge.intervalMinutes());
        // Data coarser than the demand interval (hourly history) can only show the coarser peak; the line says so.
        Duration measuredOn =
                wanted.compareTo(source.grid().interval()) < 0 ? source.grid().interval() : wanted;
        Determinants measured = measuredOn.equals(source.grid().interval())
                ? determinants
                : source.determinants(
                        segment.version().calendar(plan.zone(), new IntervalGrid(measuredOn)), segment.period());
        String basis = measuredOn.equals(wanted)
                ? charge.intervalMinutes() + "-minute peak"
                : measuredOn.toMinutes() + "-minute peak, as the data has no " + charge.intervalMinutes()
                        + "-minute intervals,";
        return charge.peak(measured)
                .map(peak -> LineItem.prorated(
                        LineItem.Kind.DEMAND,
                        charge.name() + " (" + basis + " starting "
                                + LocalDateTime.ofInstant(peak.intervalStart(), plan.zone()) + ")" + label,
                        BigDecimal.valueOf(peak.watts(), 3),
                        "kW",
                        charge.pricePerKw(),
                        segment.period().days(),
                        bill.days()));
    }

    private static LineItem fixedLine(FixedCharge charge, BillingPeriod part, BillingPeriod bill, String label) {
        if (charge.per() == FixedCharge.Per.DAY) {
            return LineItem.of(
                    LineItem.Kind.FIXED,
                    charge.name() + label,
                    BigDecimal.valueOf(part.days()),
                    "day",
                    charge.amount());
        }
        return LineItem.prorated(
                LineItem.Kind.FIXED,
                charge.name() + label,
                BigDecimal.ONE,
                "month",
                charge.amount(),
                part.days(),
                bill.days());
    }

    private static void minimumBill(BigDecimal minimum, BillingPeriod bill, List<LineItem> lines) {
        BigDecimal charges = Bill.sum(lines);
        BigDecimal floor = minimum.setScale(LineItem.CENTS, RoundingMode.HALF_UP);
        if (floor.compareTo(charges) <= 0) {
            return;
        }
        BigDecimal difference = floor.subtract(charges);
        lines.add(new LineItem(
                LineItem.Kind.MINIMUM_BILL,
                "minimum bill adjustment",
                BigDecimal.valueOf(bill.days()),
                "day",
                minimum.divide(BigDecimal.valueOf(bill.days()), 5, RoundingMode.HALF_UP),
                difference,
                "minimum " + LineItem.dollars(floor) + " for " + bill.days() + " days less charges of "
                        + LineItem.dollars(charges) + " = " + LineItem.dollars(difference)));
    }

    static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }
}
