package org.meterguard.core.aggregates;

import java.util.Objects;

/**
 * A cell withheld, with the reason: it failed the policy, or it was suppressed as well so that a released total
 * does not reveal another suppressed cell by subtraction (complementary suppression).
 *
 * @param key where the cell sits
 * @param reason why it is withheld
 * @param complementary whether it passed the policy itself and is withheld only to protect another
 */
public record SuppressedCell(CellKey key, String reason, boolean complementary) {
    public SuppressedCell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
