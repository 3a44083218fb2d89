package org.meterguard.server.consent;

import java.time.Instant;

/**
 * Usage released at a granularity: the energy (in the channel's integer unit) of the intervals starting within
 * {@code [start, end)}.
 */
public record UsageValue(Instant start, Instant end, long value) {}
