package org.meterguard.core.rates;

import org.meterguard.core.IntervalGrid;

/**
 * Where a bill's determinants come from: the interval data of one meter (or one account's meters, each within its
 * own period), worked out for any calendar and billing period asked for. {@link IntervalRows} holds such data in
 * memory; a store may stream it instead.
 */
public interface DeterminantsSource {
    /** The grid the data is measured on; calendars on a coarser grid (hourly demand) are summed up to it. */
    IntervalGrid grid();

    /**
     * The determinants of {@code period} on {@code calendar}, whose grid is {@link #grid()} or a whole multiple
     * of it.
     */
    Determinants determinants(TouCalendar calendar, BillingPeriod period);
}
