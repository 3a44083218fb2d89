package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan treats energy the customer exports.
 *
 * <ul>
 *   <li>{@link Netting#PER_PERIOD} (net energy metering): within each pricing bucket (each season-period of a
 *       time-of-use plan; the whole bill otherwise) export offsets import first; net import is charged at the
 *       energy price, net export credited at {@code creditPerKwh}, or at the bucket's own retail price where
 *       that is empty.
 *   <li>{@link Netting#NONE} (net billing): every kWh imported is charged and every kWh exported credited at
 *       {@code creditPerKwh}.
 * </ul>
 *
 * Non-bypassable charges ({@link PlanVersion#nonBypassablePerKwh()}) fall on gross import either way.
 *
 * @param netting whether export offsets import
 * @param creditPerKwh dollars per kWh credited; empty for the retail price (only with per-period netting)
 */
public record NetMetering(Netting netting, Optional<BigDecimal> creditPerKwh) {
    /** Whether export offsets import before pricing. */
    public enum Netting {
        PER_PERIOD,
        NONE
    }

    public NetMetering {
        Objects.requireNonNull(netting, "netting");
        Objects.requireNonNull(creditPerKwh, "creditPerKwh");
        if (netting == Netting.NONE && creditPerKwh.isEmpty()) {
            throw new IllegalArgumentException("net billing (netting NONE) needs an export credit per kWh");
        }
    }
}
