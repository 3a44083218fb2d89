package org.meterguard.core.retention;

/** A category of stored data with its own retention period. */
public enum DataCategory {
    /** Interval energy (import and export) and register reads: what bills are made from. */
    INTERVAL_DATA,
    /** Interval voltage: needed for troubleshooting, not for bills. */
    VOLTAGE,
    /** Meters' events: outages, tamper, diagnostics. */
    EVENTS,
    /** Names, addresses and contact details, counted from the account's closure. */
    PERSONAL_INFORMATION,
    /** The head-end's record of received frames, by which re-sent frames are recognised. */
    RECEIVED_FRAMES
}
