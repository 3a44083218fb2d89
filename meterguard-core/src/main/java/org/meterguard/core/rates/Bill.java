package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one plan charges for one billing period: its line items, each with its arithmetic, and their total. The
 * total is the sum of the lines' amounts, each already rounded to the cent (see {@link LineItem}). May be
 * negative where export credits exceed the charges and the plan has no minimum bill.
 *
 * @param planId the plan
 * @param planName its readable name
 * @param period the local dates billed
 * @param versions the effective dates of the plan versions that priced the bill, in order (two or more where a
 *     new version took effect during the bill)
 * @param lines the line items, in the order a bill prints them
 * @param importWh energy delivered over the intervals present
 * @param exportWh energy received over the intervals present
 * @param missingIntervals intervals of the billed channels without a value (not billed)
 * @param notes what a reader should know, e.g. missing data or uncredited export
 */
public record Bill(
        String planId,
        String planName,
        BillingPeriod period,
        List<LocalDate> versions,
        List<LineItem> lines,
        long importWh,
        long exportWh,
        int missingIntervals,
        List<String> notes) {
    public Bill {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(period, "period");
        versions = List.copyOf(versions);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** The amount due: the sum of the lines' amounts, in dollars and cents. */
    public BigDecimal total() {
        return sum(lines);
    }

    /** The lines' amounts summed by kind (energy, demand, fixed, credits...), for a breakdown. */
    public Map<LineItem.Kind, BigDecimal> byKind() {
        Map<LineItem.Kind, BigDecimal> byKind = new EnumMap<>(LineItem.Kind.class);
        lines.forEach(line -> byKind.merge(line.kind(), line.amount(), BigDecimal::add));
        return byKind;
    }

    /** The bill as text a person can read and check line by line. */
    public String explain() {
        StringBuilder text = new StringBuilder(planName + " (" + planId + "), " + period + ":\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("  total ").append(LineItem.dollars(total())).append('\n');
        notes.forEach(note -> text.append("  note: ").append(note).append('\n'));
        return text.toString();
    }

    static BigDecimal sum(List<LineItem> lines) {
        BigDecimal total = BigDecimal.ZERO.setScale(LineItem.CENTS);
        for (LineItem line : lines) {
            total = total.add(line.amount());
        }
        return total;
    }
}
