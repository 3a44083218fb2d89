package org.meterguard.server.aggregates;

/** How usage is grouped by place. */
public enum AreaKind {
    FEEDER,
    ZONE
}
