package org.meterguard.core.consent;

/** A category of covered information an authorization can cover, as Green Button Connect's scopes group it. */
public enum InformationCategory {
    /** Interval usage: the meter's energy per interval (ESPI IntervalBlock). */
    INTERVAL_USAGE,
    /** Usage summaries: billing-period totals and costs (ESPI UsageSummary). */
    USAGE_SUMMARY,
    /** Account information: service address, rate, account and meter numbers (ESPI RetailCustomer). */
    ACCOUNT_INFORMATION
}
