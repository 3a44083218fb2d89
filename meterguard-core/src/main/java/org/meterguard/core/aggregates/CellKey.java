package org.meterguard.core.aggregates;

import java.util.List;
import java.util.Objects;

/**
 * Where a cell sits: one or more neighbouring areas (more than one once merged), a customer class and a period.
 *
 * @param areas the areas, in their neighbour order (e.g. {@code feeder:F-7}, or {@code zip:94110})
 * @param customerClass the customer (or rate) class, e.g. RESIDENTIAL
 * @param residential whether the class is residential (the policy's thresholds differ)
 * @param period the period, e.g. {@code 2026-06-02}
 */
public record CellKey(List<String> areas, String customerClass, boolean residential, String period) {
    public CellKey {
        areas = List.copyOf(areas);
        Objects.requireNonNull(customerClass, "customerClass");
        Objects.requireNonNull(period, "period");
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a cell covers at least one area");
        }
    }

    /** A cell key for one area. */
    public static CellKey of(String area, String customerClass, boolean residential, String period) {
        return new CellKey(List.of(area), customerClass, residential, period);
    }

    /** The areas as one label, e.g. {@code feeder:F-1+feeder:F-2}. */
    public String area() {
        return String.join("+", areas);
    }

    /** The group of cells sharing class and period, over which a total is released. */
    public String group() {
        return customerClass + "|" + period;
    }
}
