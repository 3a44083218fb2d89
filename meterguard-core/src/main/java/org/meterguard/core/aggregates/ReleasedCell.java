package org.meterguard.core.aggregates;

import java.util.Objects;

/**
 * A cell released: its key (merged areas listed together), customers and total usage. The largest customer's usage
 * is never released.
 *
 * @param key where the cell sits
 * @param customers how many customers it holds
 * @param total their total usage
 * @param merged whether it is the union of neighbouring cells that failed alone
 */
public record ReleasedCell(CellKey key, long customers, long total, boolean merged) {
    public ReleasedCell {
        Objects.requireNonNull(key, "key");
    }
}
