package org.meterguard.core.aggregates;

import java.util.Optional;

/**
 * When a cell of aggregated usage may be released. {@link #D_14_05_016} is the CPUC's default: residential cells
 * need at least 100 customers; non-residential cells at least 15 customers, and no single customer above 15% of
 * the cell's usage in the period (the 15/15 rule). Exactly 15% passes; 15.01% does not.
 *
 * @param residentialMinCustomers the fewest customers a residential cell may hold
 * @param nonResidentialMinCustomers the fewest customers a non-residential cell may hold
 * @param maxSingleShareBasisPoints the largest share of a non-residential cell's usage one customer may have, in
 *     hundredths of a percent (1500 = 15%)
 * @param mergeNeighbours whether a failing cell is first merged with its neighbouring area(s) before it is
 *     suppressed
 */
public record AnonymityPolicy(
        int residentialMinCustomers,
        int nonResidentialMinCustomers,
        int maxSingleShareBasisPoints,
        boolean mergeNeighbours) {
    /** The CPUC default (D.14-05-016): 100 residential; 15 non-residential with none above 15%; merging on. */
    public static final AnonymityPolicy D_14_05_016 = new AnonymityPolicy(100, 15, 1500, true);

    public AnonymityPolicy {
        if (residentialMinCustomers < 1 || nonResidentialMinCustomers < 1) {
            throw new IllegalArgumentException("minimum customers per cell must be at least 1, not "
                    + residentialMinCustomers + " / " + nonResidentialMinCustomers);
        }
        if (maxSingleShareBasisPoints < 1 || maxSingleShareBasisPoints > 10_000) {
            throw new IllegalArgumentException(
                    "largest single share " + maxSingleShareBasisPoints + " must be 1 to 10000 basis points");
        }
    }

    /** Why {@code cell} may not be released; empty when it may. */
    public Optional<String> failure(Cell cell) {
        boolean residential = cell.key().residential();
        int minimum = residential ? residentialMinCustomers : nonResidentialMinCustomers;
        if (cell.customers() < minimum) {
            return Optional.of(cell.customers() + " customers, fewer than the " + minimum + " a "
                    + (residential ? "residential" : "non-residential") + " cell needs");
        }
        // largest / total > share / 10000, without floating point: largest * 10000 > share * total
        if (!residential
                && Math.multiplyExact(cell.largestCustomer(), 10_000L)
                        > Math.multiplyExact((long) maxSingleShareBasisPoints, cell.total())) {
            return Optional.of(
                    "one customer has more than " + percent(maxSingleShareBasisPoints) + " of the cell's usage");
        }
        return Optional.empty();
    }

    private static String percent(int basisPoints) {
        return basisPoints % 100 == 0 ? basisPoints / 100 + "%" : basisPoints / 100.0 + "%";
    }
}
