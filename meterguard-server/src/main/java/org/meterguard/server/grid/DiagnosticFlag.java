package org.meterguard.server.grid;

import java.time.Instant;

/** A diagnostic, tamper or configuration event a meter reported (anything but power down and up). */
public record DiagnosticFlag(Instant occurredAt, String eventLog, int code, String kind) {}
