package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of a bill, as a person reads it: what is charged or credited, the quantity, the unit price and the
 * amount, with the arithmetic spelled out in {@link #explanation()}.
 *
 * <p><b>Money is exact.</b> Quantities and prices are {@link BigDecimal}s read from their decimal text, never binary
 * floating point. Energy quantities are kWh with three decimals (the meter's Wh, exactly); demand is kW with
 * three decimals (W, exactly). A line's amount is its exact product (times a proration fraction where a charge
 * covers part of its month or of the bill) <b>rounded once, half-up, to the cent</b>; a bill's total is the sum
 * of its lines' rounded amounts, so the lines printed add up to the total printed.
 *
 * @param kind what sort of charge
 * @param description what the line is for, e.g. "summer on-peak energy"
 * @param quantity how much: kWh, kW, days or months
 * @param unit the quantity's unit, e.g. "kWh"
 * @param unitPrice dollars per unit; negative for a credit
 * @param amount dollars, to the cent; negative for a credit
 * @param explanation the arithmetic, e.g. "123.456 kWh × $0.30000/kWh = $37.04"
 */
public record LineItem(
        Kind kind,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal amount,
        String explanation) {
    /** Cents: the scale of every amount. */
    public static final int CENTS = 2;

    /** What sort of charge a line is. */
    public enum Kind {
        /** Energy delivered (net of export where the plan nets per period), priced per kWh. */
        ENERGY,
        /** Peak demand, priced per kW. */
        DEMAND,
        /** A fixed customer or meter charge per day or per month. */
        FIXED,
        /** Charges per kWh delivered that export never offsets (public purpose programs and the like). */
        NON_BYPASSABLE,
        /** Energy received from the customer, credited per kWh. */
        EXPORT_CREDIT,
        /** What brings a bill below the plan's minimum up to it. */
        MINIMUM_BILL
    }

    public LineItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(explanation, "explanation");
        if (amount.scale() != CENTS) {
            throw new IllegalArgumentException("amount " + amount + " of '" + description + "' is not in cents");
        }
    }

    /** {@code quantity × unitPrice}, rounded half-up to the cent. */
    public static LineItem of(Kind kind, String description, BigDecimal quantity, String unit, BigDecimal unitPrice) {
        BigDecimal amount = quantity.multiply(unitPrice).setScale(CENTS, RoundingMode.HALF_UP);
        return new LineItem(
                kind,
                description,
                quantity,
                unit,
                unitPrice,
                amount,
                quantity.toPlainString() + " " + unit + " × " + dollars(unitPrice) + "/" + unit + " = "
                        + dollars(amount));
    }

    /**
     * {@code quantity × unitPrice × part / whole}, rounded half-up to the cent: a monthly charge (or a demand
     * charge) for {@code part} of the {@code whole} days it covers.
     */
    public static LineItem prorated(
            Kind kind,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            int part,
            int whole) {
        if (part == whole) {
            return of(kind, description, quantity, unit, unitPrice);
        }
        BigDecimal amount = quantity.multiply(unitPrice)
                .multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), CENTS, RoundingMode.HALF_UP);
        return new LineItem(
                kind,
                description,
                quantity,
                unit,
                unitPrice,
                amount,
                quantity.toPlainString() + " " + unit + " × " + dollars(unitPrice) + "/" + unit + " × " + part + "/"
                        + whole + " days = " + dollars(amount));
    }

    /** An amount in dollars as a bill prints it: "$12.34", "-$0.50". */
    public static String dollars(BigDecimal amount) {
        return amount.signum() < 0 ? "-$" + amount.negate().toPlainString() : "$" + amount.toPlainString();
    }

    @Override
    public String toString() {
        return description + ": " + explanation;
    }
}
