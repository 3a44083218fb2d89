package org.meterguard.core.aggregates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cell's tallies before release: how many customers it holds, their total usage, and the usage of its largest
 * customer (which the 15/15 rule compares with the total). Usage is in the channel's integer unit (e.g. Wh).
 *
 * @param key where the cell sits
 * @param customers distinct customers in it
 * @param total their total usage (0 or more)
 * @param largestCustomer the largest single customer's usage, at most {@code total}
 */
public record Cell(CellKey key, long customers, long total, long largestCustomer) {
    public Cell {
        Objects.requireNonNull(key, "key");
        if (customers < 0 || total < 0 || largestCustomer < 0 || largestCustomer > total) {
            throw new IllegalArgumentException("inconsistent cell " + key.area() + " " + key.group() + ": " + customers
                    + " customers, total " + total + ", largest " + largestCustomer);
        }
    }

    /** This cell and {@code neighbour} as one: customers and totals add, the largest customer is the larger. */
    public Cell mergedWith(Cell neighbour) {
        List<String> areas = new ArrayList<>(key.areas());
        areas.addAll(neighbour.key.areas());
        return new Cell(
                new CellKey(areas, key.customerClass(), key.residential(), key.period()),
                customers + neighbour.customers,
                Math.addExact(total, neighbour.total),
                Math.max(largestCustomer, neighbour.largestCustomer));
    }
}
