package org.meterguard.server.aggregates;

/** How usage is grouped in time: per UTC day, or the whole requested span as one period. */
public enum PeriodKind {
    DAY,
    WHOLE
}
