package org.meterguard.core.consent;

/** How fine the released usage is, finest first. An authorization names the finest a party may receive. */
public enum Granularity {
    QUARTER_HOURLY,
    HOURLY,
    DAILY,
    MONTHLY;

    /** True where data at {@code requested} is no finer than this. */
    public boolean allows(Granularity requested) {
        return requested.compareTo(this) >= 0;
    }
}
