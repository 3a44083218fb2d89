package org.meterguard.core.rates;

/** The class of customer a rate plan is offered to. */
public enum CustomerClass {
    RESIDENTIAL,
    COMMERCIAL
}
