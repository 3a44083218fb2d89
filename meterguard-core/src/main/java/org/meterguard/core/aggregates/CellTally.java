package org.meterguard.core.aggregates;

/**
 * Adds customers' usage up into one cell as they are met: each customer once, with their usage for the period.
 * Mutable, for a single thread; {@link #toCell} gives the immutable result.
 */
public final class CellTally {
    private long customers;
    private long total;
    private long largest;

    /** Counts one customer whose usage in the cell's period is {@code usage} (0 or more). */
    public void addCustomer(long usage) {
        if (usage < 0) {
            throw new IllegalArgumentException("a customer's usage " + usage + " is negative");
        }
        customers++;
        total = Math.addExact(total, usage);
        largest = Math.max(largest, usage);
    }

    /** Adds another tally of disjoint customers (e.g. from a second stream) to this one. */
    public void addAll(CellTally other) {
        customers += other.customers;
        total = Math.addExact(total, other.total);
        largest = Math.max(largest, other.largest);
    }

    public Cell toCell(CellKey key) {
        return new Cell(key, customers, total, largest);
    }
}
