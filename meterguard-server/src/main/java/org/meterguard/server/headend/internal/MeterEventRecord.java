package org.meterguard.server.headend.internal;

import java.time.Instant;

/**
 * One event from a meter's event log, as stored.
 *
 * @param occurredAt when the meter logged it
 * @param eventLog the OBIS code of the log, e.g. "0.0.99.98.0.255"
 * @param code the standard event code
 * @param kind the event's name where the code is known, else null
 */
record MeterEventRecord(Instant occurredAt, String eventLog, int code, String kind) {}
